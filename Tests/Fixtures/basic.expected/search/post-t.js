StudyGuideSearch.registerPostings("t",{"tabl":[0,34],"teamwork":[2,72],"tell":[2,121],"touch":[0,8],"trade":[0,36],"transact":[1,56],"tree":[0,8]});
