StudyGuideSearch.registerPostings("t2",{"t2":[12,40,26,46]});
