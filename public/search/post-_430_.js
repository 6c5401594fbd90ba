StudyGuideSearch.registerPostings("а",{"а":[1,39]});
