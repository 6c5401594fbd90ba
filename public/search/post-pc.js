StudyGuideSearch.registerPostings("pc",{"pc":[133,12],"pci":[74,13,13,7,133,7,27,13,24,7,40,8],"pct":[44,11]});
