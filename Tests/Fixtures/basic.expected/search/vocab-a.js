StudyGuideSearch.registerVocabulary("a",{"anomali":1,"answer":1});
