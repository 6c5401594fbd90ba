StudyGuideSearch.registerShard("r",{"read":[1,89],"repeat":[1,44],"resolv":[2,40],"row":[0,40]});
