StudyGuideSearch.registerPostings("rn",{"rn":[15,10,38,16],"rnk":[53,16]});
