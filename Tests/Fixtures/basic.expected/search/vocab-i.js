StudyGuideSearch.registerVocabulary("i",{"id":1,"index":1,"isol":2});
