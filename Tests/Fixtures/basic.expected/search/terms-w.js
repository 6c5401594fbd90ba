StudyGuideSearch.registerShard("w",{"what":[0,66,2,19],"which":[1,146],"why":[0,182],"with":[2,130],"without":[0,40],"work":[0,43],"write":[0,9]});
