StudyGuideSearch.registerPostings("fx",{"fx":[220,44]});
