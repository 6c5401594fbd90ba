StudyGuideSearch.registerPostings("u",{"uncommit":[1,52],"us":[0,68,2,44]});
