StudyGuideSearch.registerVocabulary("x",{"x":26,"x00":1,"x25519":1,"xa":1,"xact":1,"xml":3,"xmln":1,"xoo":1,"xss":6,"xunit":1,"xx":1});
