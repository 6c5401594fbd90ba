StudyGuideSearch.registerPostings("pc",{"pc":[133,160],"pci":[74,169,13,156,133,155,27,169,24,157,40,159],"pct":[44,159]});
