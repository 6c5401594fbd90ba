StudyGuideSearch.registerPostings("s",{"scan":[0,182],"see":[0,149],"serializ":[1,182],"slower":[0,149],"sort":[0,187],"sql":[0,194,1,219],"star":[2,166],"structur":[0,182,2,194]});
