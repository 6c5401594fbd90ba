StudyGuideSearch.registerPostings("lf",{"lfu":[150,158,74,192]});
