StudyGuideSearch.registerShard("n",{"n":[0,9],"no":[1,18]});
