StudyGuideSearch.registerShard("u",{"uncommit":[1,44],"us":[0,66,2,9]});
