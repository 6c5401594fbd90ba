StudyGuideSearch.registerPostings("cq",{"cq":[101,55],"cql":[85,40,34,40,14,40],"cqlsh":[119,40],"cqr":[43,44,19,40,39,75,6,40,1,44,1,41,7,40,145,57]});
