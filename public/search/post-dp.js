StudyGuideSearch.registerPostings("dp",{"dp":[14,13,1,9,206,11],"dpop":[78,15]});
