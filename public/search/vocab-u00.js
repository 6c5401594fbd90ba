StudyGuideSearch.registerVocabulary("u00",{"π":1});
