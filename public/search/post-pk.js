StudyGuideSearch.registerPostings("pk",{"pk":[37,41,110,43,67,38,3,38,8,38],"pkce":[73,46,5,68,2,46,3,40,205,42],"pki":[84,40]});
