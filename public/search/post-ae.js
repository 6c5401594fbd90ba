StudyGuideSearch.registerPostings("ae",{"ae":[72,170,10,165,10,194],"aead":[72,157,10,157,5,156,5,172],"aesgcm":[92,169]});
