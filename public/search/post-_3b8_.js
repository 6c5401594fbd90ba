StudyGuideSearch.registerPostings("θ",{"θ":[3,39,13,39]});
