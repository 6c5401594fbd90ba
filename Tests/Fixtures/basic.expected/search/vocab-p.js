StudyGuideSearch.registerVocabulary("p",{"page":1,"process":1});
