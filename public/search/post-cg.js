StudyGuideSearch.registerPostings("cg",{"cgo":[187,10,23,11],"cgroup":[13,12,161,11,13,13,10,9,5,7]});
