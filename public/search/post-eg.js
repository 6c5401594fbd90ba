StudyGuideSearch.registerPostings("eg",{"egg":[231,156],"ego":[252,164,1,164],"egress":[71,159,10,163,9,194,121,155,15,155,4,164,80,159]});
