StudyGuideSearch.registerPostings("p1",{"p1":[127,43,94,44]});
