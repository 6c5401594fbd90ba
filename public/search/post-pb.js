StudyGuideSearch.registerPostings("pb",{"pb":[146,166,52,158,13,167,5,156,1,155,11,156,35,165],"pbkdf2":[72,195,123,159,9,167],"pbkdf2sync":[204,160]});
