StudyGuideSearch.registerShard("l",{"level":[1,163],"log":[0,9],"lookup":[0,9]});
