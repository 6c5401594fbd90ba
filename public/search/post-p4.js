StudyGuideSearch.registerPostings("p4",{"p4":[127,43]});
