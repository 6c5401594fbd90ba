StudyGuideSearch.registerPostings("b3",{"b3jkxzgxmg":[31,157],"b3jkxzgxmw":[31,157]});
