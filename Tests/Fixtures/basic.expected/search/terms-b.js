StudyGuideSearch.registerShard("b",{"b":[0,9]});
