StudyGuideSearch.registerPostings("bt",{"bt":[51,158]});
