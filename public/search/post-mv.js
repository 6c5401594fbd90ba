StudyGuideSearch.registerPostings("mv",{"mv":[43,18,148,10],"mvc":[2,11,108,11],"mvcc":[36,8,14,94,4,7,1,11,8,8,2,8,53,8,152,8]});
