StudyGuideSearch.registerPostings("mq",{"mqtt":[299,44]});
