StudyGuideSearch.registerVocabulary("u09",{"ω":1});
