StudyGuideSearch.registerPostings("c",{"chang":[2,54],"colleagu":[2,66],"commit":[1,56],"conflict":[2,66],"creat":[0,35],"custom":[0,40]});
