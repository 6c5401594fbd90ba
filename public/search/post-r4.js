StudyGuideSearch.registerPostings("r4",{"r4bq9syzr1mxcp0tak7lwq":[88,16],"r4nd0m":[75,10]});
