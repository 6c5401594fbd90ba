StudyGuideSearch.registerPostings("dl",{"dl":[221,13],"dlq":[109,9,18,8,9,11,4,12,73,41,6,13],"dlt":[129,11],"dlx":[129,19]});
