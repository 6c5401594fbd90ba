StudyGuideSearch.registerPostings("cf",{"cf":[154,8,19,9,13,8,81,8,35,9],"cffi":[72,15],"cfg":[106,12]});
