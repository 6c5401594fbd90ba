StudyGuideSearch.registerPostings("f",{"fast":[0,192],"find":[0,182]});
