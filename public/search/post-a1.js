StudyGuideSearch.registerPostings("a1",{"a10":[75,39,6,38,9,40],"a1c3f9e":[192,41]});
