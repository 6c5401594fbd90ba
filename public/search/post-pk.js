StudyGuideSearch.registerPostings("pk",{"pk":[37,9,110,12,67,7,3,7,8,7],"pkce":[73,15,5,101,2,15,3,8,205,10],"pki":[84,12]});
