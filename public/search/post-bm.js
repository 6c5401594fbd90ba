StudyGuideSearch.registerPostings("bm",{"bm25":[52,215]});
