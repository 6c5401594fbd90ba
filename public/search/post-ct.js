StudyGuideSearch.registerPostings("ct",{"ct":[92,39],"cte":[53,56,3,40,10,38],"ctid":[50,46],"ctrl":[174,39],"ctx":[20,44,103,43,3,46,23,45,17,45,31,47,13,48],"ctxt":[13,45]});
