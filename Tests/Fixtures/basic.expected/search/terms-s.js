StudyGuideSearch.registerShard("s",{"scan":[0,40],"see":[0,9],"serializ":[1,44],"slower":[0,9],"so":[0,9],"sort":[0,49],"sql":[0,30,1,100],"star":[2,18],"structur":[0,19,2,26]});
