StudyGuideSearch.registerPostings("lr",{"lru":[6,193,4,158,4,167,1,192,55,157,45,161,35,166,48,169,26,193],"lrucach":[15,157]});
