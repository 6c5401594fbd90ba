StudyGuideSearch.registerPostings("pd",{"pdb":[177,160],"pdf":[90,158,12,162,38,160,7,158,86,163,7,164,10,168,20,160],"pdo":[86,160],"pdqsort":[15,157,1,189]});
