StudyGuideSearch.registerShard("y",{"you":[2,40],"your":[2,55]});
