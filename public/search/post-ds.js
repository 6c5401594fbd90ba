StudyGuideSearch.registerPostings("ds",{"dsa":[92,11],"dsl":[85,12],"dsr":[299,16],"dss":[74,11,13,7,133,7,27,13,24,7,40,8],"dst":[215,14],"dsync":[61,12]});
