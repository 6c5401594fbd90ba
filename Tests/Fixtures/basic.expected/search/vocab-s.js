StudyGuideSearch.registerVocabulary("s",{"scan":1,"see":1,"serializ":1,"slower":1,"sort":1,"sql":2,"star":1,"structur":2});
