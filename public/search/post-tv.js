StudyGuideSearch.registerPostings("tv",{"tv":[78,39,35,40,57,41]});
