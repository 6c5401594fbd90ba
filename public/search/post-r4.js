StudyGuideSearch.registerPostings("r4",{"r4bq9syzr1mxcp0tak7lwq":[88,44],"r4nd0m":[75,39]});
