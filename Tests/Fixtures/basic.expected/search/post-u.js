StudyGuideSearch.registerPostings("u",{"uncommit":[1,34],"us":[0,67,2,8]});
