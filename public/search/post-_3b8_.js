StudyGuideSearch.registerPostings("θ",{"θ":[3,158,13,158]});
