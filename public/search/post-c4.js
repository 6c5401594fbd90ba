StudyGuideSearch.registerPostings("c4",{"c4":[115,46]});
