StudyGuideSearch.registerPostings("p",{"page":[0,35],"process":[0,35]});
