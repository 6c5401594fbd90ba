StudyGuideSearch.registerPostings("ao",{"aof":[57,9,13,12,79,8,73,6]});
