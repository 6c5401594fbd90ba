StudyGuideSearch.registerVocabulary("f",{"fast":1,"find":1});
