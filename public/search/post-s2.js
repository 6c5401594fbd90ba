StudyGuideSearch.registerPostings("s2",{"s2":[135,10,86,47],"s256":[78,11]});
