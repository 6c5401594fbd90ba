StudyGuideSearch.registerPostings("cb",{"cb":[125,157,70,166],"cbc":[82,157,10,165],"cbor":[141,159]});
