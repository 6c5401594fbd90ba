StudyGuideSearch.registerPostings("ao",{"aof":[57,159,13,165,79,156,73,149]});
