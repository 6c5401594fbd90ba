StudyGuideSearch.registerPostings("e",{"exampl":[0,184]});
