StudyGuideSearch.registerPostings("w",{"without":[0,52],"work":[0,53],"write":[0,35]});
