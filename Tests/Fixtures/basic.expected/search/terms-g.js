StudyGuideSearch.registerShard("g",{"get":[0,9]});
