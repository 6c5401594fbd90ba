StudyGuideSearch.registerPostings("cq",{"cq":[101,42],"cql":[85,10,34,10,14,10],"cqlsh":[119,11],"cqr":[43,11,19,8,39,165,6,8,1,11,1,8,7,8,145,33]});
