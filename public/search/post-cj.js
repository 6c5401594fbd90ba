StudyGuideSearch.registerPostings("cj",{"cjk":[1,39]});
