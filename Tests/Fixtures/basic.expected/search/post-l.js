StudyGuideSearch.registerPostings("l",{"level":[1,121],"log":[0,8],"lookup":[0,8]});
