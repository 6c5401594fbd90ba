StudyGuideSearch.registerPostings("f",{"fast":[0,51],"find":[0,34]});
