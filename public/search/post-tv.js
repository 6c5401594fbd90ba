StudyGuideSearch.registerPostings("tv",{"tv":[78,157,35,158,57,160]});
