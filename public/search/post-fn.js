StudyGuideSearch.registerPostings("fn",{"fn":[163,162]});
