StudyGuideSearch.registerPostings("ct",{"ct":[92,11],"cte":[53,38,3,10,10,8],"ctid":[50,19],"ctrl":[174,11],"ctx":[20,11,103,11,3,13,23,13,17,12,31,15,13,15],"ctxt":[13,18]});
