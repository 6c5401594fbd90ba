StudyGuideSearch.registerPostings("ω",{"ω":[3,158]});
