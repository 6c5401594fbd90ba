StudyGuideSearch.registerPostings("ao",{"aof":[57,40,13,43,79,39,73,35]});
