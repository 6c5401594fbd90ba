StudyGuideSearch.registerPostings("c",{"chang":[2,187],"colleagu":[2,212],"commit":[1,191],"conflict":[2,212],"creat":[0,149],"custom":[0,159]});
