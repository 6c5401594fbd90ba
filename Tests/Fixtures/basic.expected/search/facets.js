StudyGuideSearch.registerFacets({"category":[0,0,1],"difficulty":[0,2,1],"kind":[0,0,1],"tags":[[1,0],[1,3],[2]]});
