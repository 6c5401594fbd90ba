StudyGuideSearch.registerPostings("s1",{"s1":[135,47]});
