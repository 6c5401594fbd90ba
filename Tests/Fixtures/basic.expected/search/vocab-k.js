StudyGuideSearch.registerVocabulary("k",{"keep":1,"kei":1});
