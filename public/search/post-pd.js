StudyGuideSearch.registerPostings("pd",{"pdb":[177,12],"pdf":[90,7,12,9,38,8,7,7,86,9,7,10,10,11,20,8],"pdo":[86,12],"pdqsort":[15,10,1,37]});
