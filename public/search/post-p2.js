StudyGuideSearch.registerPostings("p2",{"p2":[127,166,94,167]});
