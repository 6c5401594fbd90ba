StudyGuideSearch.registerVocabulary("u3c",{"μs":2});
