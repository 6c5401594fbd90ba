StudyGuideSearch.registerVocabulary("d",{"defin":1,"describ":1,"dirti":1,"disagr":1});
