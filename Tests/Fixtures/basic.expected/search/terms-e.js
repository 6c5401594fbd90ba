StudyGuideSearch.registerShard("e",{"exampl":[0,43]});
