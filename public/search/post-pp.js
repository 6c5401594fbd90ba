StudyGuideSearch.registerPostings("pp",{"pprof":[10,158,136,195,27,159,4,160,20,166,1,172,12,171,53,168]});
