StudyGuideSearch.registerPostings("i",{"id":[0,8],"index":[0,255],"isol":[0,4,1,51]});
