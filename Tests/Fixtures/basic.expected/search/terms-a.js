StudyGuideSearch.registerShard("a",{"a":[0,26,2,87],"about":[2,130],"an":[0,137],"and":[0,1,1,6,1,5],"anomali":[1,77],"answer":[2,55],"ar":[0,45]});
