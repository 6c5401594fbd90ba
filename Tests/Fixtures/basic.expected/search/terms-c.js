StudyGuideSearch.registerShard("c",{"chang":[2,40],"colleagu":[2,130],"commit":[1,62],"conflict":[2,130],"creat":[0,9],"custom":[0,14]});
