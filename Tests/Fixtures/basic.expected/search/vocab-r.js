StudyGuideSearch.registerVocabulary("r",{"read":1,"repeat":1,"resolv":1,"row":1});
