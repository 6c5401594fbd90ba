StudyGuideSearch.registerShard("t",{"tabl":[0,40],"teamwork":[2,82],"tell":[2,130],"that":[0,40],"the":[0,24,2,19],"to":[2,55],"touch":[0,9],"trade":[0,43],"transact":[1,63],"tree":[0,9]});
