StudyGuideSearch.registerPostings("cg",{"cgo":[187,40,23,40],"cgroup":[13,44,161,43,13,45,10,40,5,38]});
