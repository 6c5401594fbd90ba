StudyGuideSearch.registerPostings("lb",{"lb":[84,159,130,164,9,173,3,155,74,160],"lbf":[217,155]});
