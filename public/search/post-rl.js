StudyGuideSearch.registerPostings("rl",{"rl":[70,39,159,38],"rlock":[12,44]});
