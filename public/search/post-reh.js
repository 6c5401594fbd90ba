StudyGuideSearch.registerPostings("reh",{"rehash":[4,190,68,170,70,166],"rehears":[15,157,32,167,32,183,133,158,30,163,7,159,13,195,10,164,3,165]});
