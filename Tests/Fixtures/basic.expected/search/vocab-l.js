StudyGuideSearch.registerVocabulary("l",{"level":1,"log":1,"lookup":1});
