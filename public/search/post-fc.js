StudyGuideSearch.registerPostings("fc",{"fc00":[297,40],"fcm":[23,40,196,57,3,35,76,40]});
