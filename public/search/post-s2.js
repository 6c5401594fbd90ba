StudyGuideSearch.registerPostings("s2",{"s2":[135,39,86,57],"s256":[78,39]});
