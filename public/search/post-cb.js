StudyGuideSearch.registerPostings("cb",{"cb":[125,39,70,44],"cbc":[82,39,10,43],"cbor":[141,40]});
