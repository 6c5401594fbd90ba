StudyGuideSearch.registerVocabulary("g",{"get":1});
