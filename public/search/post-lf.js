StudyGuideSearch.registerPostings("lf",{"lfu":[150,39,74,56]});
