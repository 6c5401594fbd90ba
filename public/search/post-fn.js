StudyGuideSearch.registerPostings("fn",{"fn":[163,41]});
