StudyGuideSearch.registerPostings("ej",{"eject":[105,159,20,157,1,158,173,159]});
