StudyGuideSearch.registerPostings("p",{"page":[0,8],"process":[0,8]});
