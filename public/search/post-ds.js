StudyGuideSearch.registerPostings("ds",{"dsa":[92,39],"dsl":[85,40],"dsr":[299,44],"dss":[74,43,13,39,133,38,27,45,24,39,40,40],"dst":[215,42],"dsync":[61,40]});
