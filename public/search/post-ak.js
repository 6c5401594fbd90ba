StudyGuideSearch.registerPostings("ak",{"ak":[176,159,11,158],"aka":[175,159,4,161],"akamai":[302,159],"akka":[134,159]});
