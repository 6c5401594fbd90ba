StudyGuideSearch.registerVocabulary("u30",{"а":1});
