StudyGuideSearch.registerPostings("l",{"level":[1,212],"log":[0,149],"lookup":[0,149]});
