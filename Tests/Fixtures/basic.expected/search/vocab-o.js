StudyGuideSearch.registerVocabulary("o",{"off":1,"order":1});
