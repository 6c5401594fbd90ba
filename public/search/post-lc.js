StudyGuideSearch.registerPostings("lc",{"lcom":[100,44]});
