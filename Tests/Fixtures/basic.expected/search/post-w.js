StudyGuideSearch.registerPostings("w",{"without":[0,34],"work":[0,36],"write":[0,8]});
