StudyGuideSearch.registerPostings("s",{"scan":[0,34],"see":[0,8],"serializ":[1,34],"slower":[0,8],"sort":[0,42],"sql":[0,27,1,78],"star":[2,17],"structur":[0,16,2,26]});
