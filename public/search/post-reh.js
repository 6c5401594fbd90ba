StudyGuideSearch.registerPostings("reh",{"rehash":[4,56,68,46,70,44],"rehears":[15,39,32,44,32,52,133,40,30,42,7,40,13,58,10,43,3,43]});
