StudyGuideSearch.registerPostings("p0",{"p0":[127,45]});
