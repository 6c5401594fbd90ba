StudyGuideSearch.registerPostings("dp",{"dp":[14,44,1,39,206,42],"dpop":[78,43]});
