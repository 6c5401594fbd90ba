StudyGuideSearch.registerPostings("t",{"tabl":[0,182],"teamwork":[2,200],"tell":[2,212],"touch":[0,149],"trade":[0,184],"transact":[1,194],"tree":[0,149]});
