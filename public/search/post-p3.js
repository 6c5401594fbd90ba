StudyGuideSearch.registerPostings("p3",{"p3":[127,43]});
