StudyGuideSearch.registerPostings("pp",{"pprof":[10,39,136,58,27,40,4,41,20,44,1,46,12,46,53,45]});
