StudyGuideSearch.registerPostings("dh",{"dhe":[82,46],"dhl":[116,12],"dhlcost":[116,12]});
