StudyGuideSearch.registerShard("m",{"me":[2,130]});
