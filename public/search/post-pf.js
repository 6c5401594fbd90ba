StudyGuideSearch.registerPostings("pf",{"pfadd":[70,39,75,40],"pfcount":[70,39,75,40]});
