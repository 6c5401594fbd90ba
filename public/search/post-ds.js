StudyGuideSearch.registerPostings("ds",{"dsa":[92,157],"dsl":[85,160],"dsr":[299,166],"dss":[74,166,13,156,133,155,27,169,24,157,40,159],"dst":[215,163],"dsync":[61,160]});
