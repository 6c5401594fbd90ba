StudyGuideSearch.registerPostings("e4",{"e49d2a1":[192,41]});
