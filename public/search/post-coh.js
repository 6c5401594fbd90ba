StudyGuideSearch.registerPostings("coh",{"coher":[31,39],"cohes":[7,41,90,41,3,76,2,58,4,40],"cohn":[156,41,1,40]});
