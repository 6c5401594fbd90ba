StudyGuideSearch.registerPostings("rl",{"rl":[70,9,159,9],"rlock":[12,16]});
