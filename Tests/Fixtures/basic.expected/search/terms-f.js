StudyGuideSearch.registerShard("f",{"fast":[0,45],"find":[0,40]});
