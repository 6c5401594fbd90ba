StudyGuideSearch.registerShard("p",{"page":[0,9],"process":[0,9]});
