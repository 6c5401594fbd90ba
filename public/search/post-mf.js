StudyGuideSearch.registerPostings("mf",{"mfa":[73,31,3,8,1,8,1,7,2,12,1,9,2,10,8,8]});
