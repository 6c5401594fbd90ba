StudyGuideSearch.registerPostings("eg",{"egg":[231,38],"ego":[252,42,1,43],"egress":[71,40,10,42,9,58,121,38,15,38,4,43,80,40]});
