StudyGuideSearch.registerPostings("t2",{"t2":[12,159,26,172]});
