StudyGuideSearch.registerPostings("rn",{"rn":[15,157,38,170],"rnk":[53,167]});
