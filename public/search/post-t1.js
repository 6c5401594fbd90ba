StudyGuideSearch.registerPostings("t1",{"t1":[12,40,26,46]});
