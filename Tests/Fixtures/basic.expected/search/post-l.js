StudyGuideSearch.registerPostings("l",{"level":[1,66],"log":[0,35],"lookup":[0,35]});
