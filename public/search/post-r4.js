StudyGuideSearch.registerPostings("r4",{"r4nd0m":[75,10]});
