StudyGuideSearch.registerVocabulary("u38",{"θ":2});
