StudyGuideSearch.registerPostings("u",{"uncommit":[1,182],"us":[0,215,2,166]});
