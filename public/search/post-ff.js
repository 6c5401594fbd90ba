StudyGuideSearch.registerPostings("ff",{"ff":[192,41],"ffff":[1,39,89,40]});
