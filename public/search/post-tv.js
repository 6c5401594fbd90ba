StudyGuideSearch.registerPostings("tv",{"tv":[78,9,35,9,57,10]});
