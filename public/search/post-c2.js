StudyGuideSearch.registerPostings("c2",{"c2":[127,39]});
