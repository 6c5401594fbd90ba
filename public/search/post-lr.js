StudyGuideSearch.registerPostings("lr",{"lru":[6,57,4,39,4,44,1,56,55,39,45,41,35,43,48,45,26,57],"lrucach":[15,39]});
