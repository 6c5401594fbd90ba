StudyGuideSearch.registerPostings("cf",{"cf":[154,159,19,159,13,157,81,158,35,159],"cffi":[72,165],"cfg":[106,160]});
