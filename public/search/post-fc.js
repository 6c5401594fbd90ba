StudyGuideSearch.registerPostings("fc",{"fc00":[297,159],"fcm":[23,160,196,193,3,149,76,159]});
