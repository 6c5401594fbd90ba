StudyGuideSearch.registerPostings("s4",{"s4":[135,43]});
