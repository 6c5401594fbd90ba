StudyGuideSearch.registerPostings("s",{"scan":[0,52],"see":[0,35],"serializ":[1,52],"slower":[0,35],"sort":[0,54],"sql":[0,58,1,70],"star":[2,44],"structur":[0,52,2,58]});
