StudyGuideSearch.registerPostings("ae",{"ae":[72,16,10,12,10,44],"aead":[72,8,10,8,5,8,5,16],"aesgcm":[92,17]});
