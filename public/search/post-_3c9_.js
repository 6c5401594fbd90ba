StudyGuideSearch.registerPostings("ω",{"ω":[3,39]});
