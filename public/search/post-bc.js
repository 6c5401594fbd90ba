StudyGuideSearch.registerPostings("bc",{"bc93":[136,158],"bcnf":[62,196],"bcrypt":[2,160,70,195,1,164,1,158,7,155,4,160,203,163]});
