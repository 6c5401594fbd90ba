StudyGuideSearch.registerPostings("c1",{"c1":[127,43]});
