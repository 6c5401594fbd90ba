StudyGuideSearch.registerPostings("reh",{"rehash":[4,37,68,16,70,13],"rehears":[15,7,32,11,32,21,133,7,30,9,7,8,13,36,10,9,3,10]});
