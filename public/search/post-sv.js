StudyGuideSearch.registerPostings("sv",{"sv":[46,12],"svc":[53,19,3,14,53,14,1,9]});
