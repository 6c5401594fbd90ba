StudyGuideSearch.registerVocabulary("t",{"tabl":1,"teamwork":1,"tell":1,"touch":1,"trade":1,"transact":1,"tree":1});
