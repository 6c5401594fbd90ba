StudyGuideSearch.registerPostings("cn",{"cname":[300,58,6,40],"cncf":[168,40,7,40,3,40,3,39,10,40],"cnf":[61,40],"cni":[105,40]});
