StudyGuideSearch.registerPostings("mv",{"mv":[43,46,148,40],"mvc":[2,41,108,40],"mvcc":[36,40,14,69,4,40,1,44,8,40,2,40,53,40,152,40]});
