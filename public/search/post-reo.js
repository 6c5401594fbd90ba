StudyGuideSearch.registerPostings("reo",{"reopen":[94,40,32,39],"reorder":[15,39,27,40,1,40,15,40,43,40,8,41,18,39,11,40,1,39,53,41,7,40,1,40,47,46,62,41],"reorganis":[250,44,20,40]});
