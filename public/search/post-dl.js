StudyGuideSearch.registerPostings("dl",{"dl":[221,163],"dlq":[109,161,18,158,9,166,4,167,73,196,6,170],"dlt":[129,158],"dlx":[129,171]});
