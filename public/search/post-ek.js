StudyGuideSearch.registerPostings("ek",{"ek":[79,158,97,166,11,158]});
