StudyGuideSearch.registerPostings("t1",{"t1":[12,159,26,172]});
