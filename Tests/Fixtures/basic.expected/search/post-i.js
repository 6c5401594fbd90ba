StudyGuideSearch.registerPostings("i",{"id":[0,35],"index":[0,75],"isol":[0,35,1,65]});
