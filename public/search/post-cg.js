StudyGuideSearch.registerPostings("cg",{"cgo":[187,158,23,159],"cgroup":[13,167,161,165,13,169,10,159,5,155]});
