StudyGuideSearch.registerPostings("φ",{"φ":[14,12],"φn":[3,10,11,11]});
