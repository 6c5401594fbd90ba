StudyGuideSearch.registerPostings("w",{"without":[0,182],"work":[0,184],"write":[0,149]});
