StudyGuideSearch.registerPostings("cg",{"cgo":[187,10,23,10],"cgroup":[13,12,161,11,13,13,10,8,5,7]});
