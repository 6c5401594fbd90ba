StudyGuideSearch.registerVocabulary("c",{"chang":1,"colleagu":1,"commit":1,"conflict":1,"creat":1,"custom":1});
