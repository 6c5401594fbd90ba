StudyGuideSearch.registerPostings("pb",{"pb":[146,11,52,8,13,11,5,7,1,7,11,7,35,10],"pbkdf2":[72,45,123,10,9,14],"pbkdf2sync":[204,12]});
