StudyGuideSearch.registerPostings("rd",{"rd":[41,7,3,7,1,28,3,7,50,7,16,7,7,7,4,9,7,7,10,7,162,10],"rdb":[57,10,13,13,79,14]});
