StudyGuideSearch.registerPostings("lp",{"lpush":[70,39]});
