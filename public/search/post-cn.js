StudyGuideSearch.registerPostings("cn",{"cname":[300,194,6,160],"cncf":[168,159,7,159,3,158,3,158,10,159],"cnf":[61,160],"cni":[105,159]});
