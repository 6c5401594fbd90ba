StudyGuideSearch.registerPostings("pk",{"pk":[37,160,110,166,67,155,3,155,8,155],"pkce":[73,172,5,216,2,171,3,159,205,163],"pki":[84,159]});
