StudyGuideSearch.registerPostings("ln",{"lng":[221,46],"lng1":[221,42],"lng2":[221,42]});
