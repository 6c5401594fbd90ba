StudyGuideSearch.registerPostings("fs",{"fs":[2,41,193,44,1,44,8,40],"fse":[172,40],"fst":[231,38],"fsync":[55,44,6,59,78,39,83,35]});
