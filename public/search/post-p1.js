StudyGuideSearch.registerPostings("p1",{"p1":[127,14,94,14]});
