StudyGuideSearch.registerPostings("ek",{"ek":[79,39,97,44,11,40]});
