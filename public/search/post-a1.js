StudyGuideSearch.registerPostings("a1",{"a10":[75,156,6,155,9,158],"a1c3f9e":[192,160]});
