StudyGuideSearch.registerPostings("lb",{"lb":[84,40,130,42,9,47,3,38,74,40],"lbf":[217,38]});
