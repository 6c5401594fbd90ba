StudyGuideSearch.registerPostings("ln",{"lng":[221,171],"lng1":[221,163],"lng2":[221,163]});
