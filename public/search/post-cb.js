StudyGuideSearch.registerPostings("cb",{"cb":[125,9,70,14],"cbc":[82,9,10,14],"cbor":[141,11]});
