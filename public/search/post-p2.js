StudyGuideSearch.registerPostings("p2",{"p2":[127,43,94,44]});
