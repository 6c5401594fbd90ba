StudyGuideSearch.registerVocabulary("u",{"uncommit":1,"us":2});
