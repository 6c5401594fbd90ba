StudyGuideSearch.registerPostings("cf",{"cf":[154,40,19,40,13,39,81,40,35,40],"cffi":[72,43],"cfg":[106,40]});
