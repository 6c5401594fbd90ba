StudyGuideSearch.registerPostings("θ",{"θ":[3,10,13,10]});
