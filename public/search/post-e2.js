StudyGuideSearch.registerPostings("e2",{"e2e":[156,47],"e2ee":[222,40]});
