StudyGuideSearch.registerPostings("cw",{"cwe":[81,38],"cwnd":[303,44]});
