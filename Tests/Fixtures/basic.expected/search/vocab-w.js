StudyGuideSearch.registerVocabulary("w",{"without":1,"work":1,"write":1});
