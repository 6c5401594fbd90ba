StudyGuideSearch.registerPostings("t2",{"t2":[12,10,26,18]});
