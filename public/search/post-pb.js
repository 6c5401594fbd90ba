StudyGuideSearch.registerPostings("pb",{"pb":[146,43,52,40,13,44,5,38,1,38,11,38,35,43],"pbkdf2":[72,58,123,40,9,44],"pbkdf2sync":[204,40]});
