StudyGuideSearch.registerPostings("ts",{"ts":[25,12,10,7,17,10,133,8,36,9,2,12,6,12,64,10,2,6],"tsc":[208,12],"tsconfig":[193,9,15,11],"tsdb":[66,10],"tsqueri":[52,16],"tsvector":[52,47,14,13]});
