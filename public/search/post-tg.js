StudyGuideSearch.registerPostings("tg",{"tg":[201,44]});
