StudyGuideSearch.registerPostings("φ",{"φ":[14,40],"φn":[3,39,11,40]});
