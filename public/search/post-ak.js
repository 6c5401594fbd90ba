StudyGuideSearch.registerPostings("ak",{"ak":[176,10,11,10],"aka":[175,10,4,11],"akamai":[302,11],"akka":[134,12]});
