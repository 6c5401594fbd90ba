StudyGuideSearch.registerShard("h",{"how":[0,21,2,46]});
