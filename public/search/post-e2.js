StudyGuideSearch.registerPostings("e2",{"e2e":[156,173],"e2ee":[222,159]});
