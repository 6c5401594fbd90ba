StudyGuideSearch.registerVocabulary("n",{"n":1});
