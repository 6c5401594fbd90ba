StudyGuideSearch.registerPostings("f",{"fast":[0,57],"find":[0,52]});
