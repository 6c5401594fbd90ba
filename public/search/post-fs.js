StudyGuideSearch.registerPostings("fs",{"fs":[2,160,193,166,1,167,8,160],"fse":[172,159],"fst":[231,156],"fsync":[55,167,6,197,78,157,83,149]});
