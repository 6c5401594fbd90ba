StudyGuideSearch.registerPostings("p1",{"p1":[127,166,94,167]});
