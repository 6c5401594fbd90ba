StudyGuideSearch.registerPostings("pb",{"pb":[146,11,52,8,13,12,5,7,12,7,35,11],"pbkdf2":[72,45,123,10,9,14],"pbkdf2sync":[204,12]});
