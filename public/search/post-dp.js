StudyGuideSearch.registerPostings("dp",{"dp":[14,167,1,157,206,163],"dpop":[78,165]});
