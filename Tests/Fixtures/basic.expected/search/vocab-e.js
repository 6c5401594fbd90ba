StudyGuideSearch.registerVocabulary("e",{"exampl":1});
