StudyGuideSearch.registerPostings("coc",{"cockburn":[110,44,7,40],"cockroachdb":[36,40,4,39,78,58,3,40,3,44,7,41,1,40,7,57,3,40,74,38]});
