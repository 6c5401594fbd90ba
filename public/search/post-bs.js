StudyGuideSearch.registerPostings("bs",{"bsd":[70,157,134,160],"bson":[57,159,9,156,3,159],"bsontyp":[69,171]});
