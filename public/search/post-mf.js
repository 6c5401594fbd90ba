StudyGuideSearch.registerPostings("mf",{"mfa":[73,191,3,160,1,159,1,157,2,169,1,163,2,166,8,161]});
