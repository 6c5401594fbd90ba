StudyGuideSearch.registerPostings("rc",{"rc":[203,39]});
