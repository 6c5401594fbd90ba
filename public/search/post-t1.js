StudyGuideSearch.registerPostings("t1",{"t1":[12,10,26,18]});
