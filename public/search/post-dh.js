StudyGuideSearch.registerPostings("dh",{"dhe":[82,56],"dhl":[116,40],"dhlcost":[116,40]});
