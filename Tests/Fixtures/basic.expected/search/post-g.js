StudyGuideSearch.registerPostings("g",{"get":[0,35]});
