StudyGuideSearch.registerPostings("cn",{"cname":[300,47,6,11],"cncf":[168,9,7,9,3,8,3,8,10,8],"cnf":[61,12],"cni":[105,11]});
