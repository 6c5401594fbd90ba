StudyGuideSearch.registerPostings("coh",{"coher":[31,157],"cohes":[7,161,90,160,3,230,2,195,4,160],"cohn":[156,161,1,159]});
