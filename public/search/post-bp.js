StudyGuideSearch.registerPostings("bp",{"bpel":[111,169],"bpftrace":[174,157]});
