StudyGuideSearch.registerPostings("c3",{"c3":[127,39]});
