StudyGuideSearch.registerPostings("cw",{"cwe":[81,10],"cwnd":[303,16]});
