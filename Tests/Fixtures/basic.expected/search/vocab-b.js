StudyGuideSearch.registerVocabulary("b",{"b":1});
