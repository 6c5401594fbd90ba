StudyGuideSearch.registerPostings("e",{"exampl":[0,53]});
