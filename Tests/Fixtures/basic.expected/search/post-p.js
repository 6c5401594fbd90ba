StudyGuideSearch.registerPostings("p",{"page":[0,149],"process":[0,149]});
