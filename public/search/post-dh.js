StudyGuideSearch.registerPostings("dh",{"dhe":[82,191],"dhl":[116,160],"dhlcost":[116,160]});
