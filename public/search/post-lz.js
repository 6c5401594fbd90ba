StudyGuideSearch.registerPostings("lz",{"lz4":[211,38]});
