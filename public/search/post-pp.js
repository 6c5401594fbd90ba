StudyGuideSearch.registerPostings("pp",{"pprof":[10,7,136,37,27,8,4,8,20,11,1,14,12,13,53,12]});
