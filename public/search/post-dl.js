StudyGuideSearch.registerPostings("dl",{"dl":[221,42],"dlq":[109,41,18,39,9,43,4,44,73,58,6,45],"dlt":[129,39],"dlx":[129,46]});
