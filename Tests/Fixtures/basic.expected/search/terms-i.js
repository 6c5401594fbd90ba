StudyGuideSearch.registerShard("i",{"id":[0,9],"index":[0,255],"is":[0,137],"isol":[0,4,1,70],"it":[0,21,2,19]});
