StudyGuideSearch.registerPostings("cn",{"cname":[300,47,6,10],"cncf":[168,9,7,9,3,9,3,9],"cnf":[61,12],"cni":[105,11]});
