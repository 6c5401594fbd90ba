StudyGuideSearch.registerPostings("mf",{"mfa":[73,56,3,40,1,40,1,39,2,45,1,42,2,44,8,41]});
