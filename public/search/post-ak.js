StudyGuideSearch.registerPostings("ak",{"ak":[176,40,11,40],"aka":[175,40,4,41],"akamai":[302,40],"akka":[134,40]});
