StudyGuideSearch.registerPostings("pf",{"pfadd":[70,9,75,10],"pfcount":[70,9,75,10]});
