StudyGuideSearch.registerPostings("pc",{"pc":[133,40],"pci":[74,45,13,39,133,38,27,45,24,39,40,40],"pct":[44,40]});
