StudyGuideSearch.registerPostings("a1",{"a10":[75,8,6,8,9,9],"a1c3f9e":[192,12]});
