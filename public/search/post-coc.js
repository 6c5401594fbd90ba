StudyGuideSearch.registerPostings("coc",{"cockburn":[110,167,7,160],"cockroachdb":[36,159,4,157,78,194,3,158,3,167,7,161,1,160,7,192,3,159,74,156]});
