StudyGuideSearch.registerPostings("b1",{"b1e4c7d2":[109,161,27,158]});
