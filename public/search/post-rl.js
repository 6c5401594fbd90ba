StudyGuideSearch.registerPostings("rl",{"rl":[70,157,159,155],"rlock":[12,166]});
