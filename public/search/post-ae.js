StudyGuideSearch.registerPostings("ae",{"ae":[72,46,10,43,10,58],"aead":[72,39,10,39,5,39,5,47],"aesgcm":[92,45]});
