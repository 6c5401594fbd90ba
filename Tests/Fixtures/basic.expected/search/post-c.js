StudyGuideSearch.registerPostings("c",{"chang":[2,42],"colleagu":[2,121],"commit":[1,49],"conflict":[2,121],"creat":[0,8],"custom":[0,12]});
