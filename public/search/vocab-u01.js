StudyGuideSearch.registerVocabulary("u01",{"ρ":1});
