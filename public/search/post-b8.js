StudyGuideSearch.registerPostings("b8",{"b8f1":[213,156]});
