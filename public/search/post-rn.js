StudyGuideSearch.registerPostings("rn",{"rn":[15,39,38,45],"rnk":[53,44]});
