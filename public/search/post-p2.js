StudyGuideSearch.registerPostings("p2",{"p2":[127,14,94,14]});
