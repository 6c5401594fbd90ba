StudyGuideSearch.registerPostings("i",{"id":[0,149],"index":[0,229],"isol":[0,149,1,209]});
