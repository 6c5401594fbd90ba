StudyGuideSearch.registerPostings("reo",{"reopen":[94,10,32,10],"reorder":[15,6,27,6,1,7,15,7,43,7,8,7,18,6,11,6,1,6,53,7,7,6,1,6,47,11,62,7],"reorganis":[250,15,20,11]});
