StudyGuideSearch.registerPostings("s2",{"s2":[135,158,86,194],"s256":[78,157]});
