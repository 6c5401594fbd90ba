StudyGuideSearch.registerPostings("t",{"tabl":[0,52],"teamwork":[2,61],"tell":[2,66],"touch":[0,35],"trade":[0,53],"transact":[1,58],"tree":[0,35]});
