StudyGuideSearch.registerPostings("cw",{"cwe":[81,155],"cwnd":[303,166]});
