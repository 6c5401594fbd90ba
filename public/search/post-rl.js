StudyGuideSearch.registerPostings("rl",{"rl":[70,9,159,8],"rlock":[12,11]});
