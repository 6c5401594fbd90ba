StudyGuideSearch.registerPostings("b",{"b":[0,35]});
