StudyGuideSearch.registerPostings("φ",{"φ":[14,160],"φn":[3,158,11,160]});
