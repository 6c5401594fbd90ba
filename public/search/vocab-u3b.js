StudyGuideSearch.registerVocabulary("u3b",{"λ":1,"λw":1});
