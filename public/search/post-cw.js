StudyGuideSearch.registerPostings("cw",{"cwe":[81,11],"cwnd":[303,16]});
