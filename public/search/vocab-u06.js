StudyGuideSearch.registerVocabulary("u06",{"φ":1,"φn":2});
