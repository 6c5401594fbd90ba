StudyGuideSearch.registerPostings("pd",{"pdb":[177,41],"pdf":[90,40,12,41,38,40,7,40,86,42,7,43,10,44,20,40],"pdo":[86,40],"pdqsort":[15,39,1,55]});
