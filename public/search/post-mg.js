StudyGuideSearch.registerPostings("mg",{"mget":[64,40]});
