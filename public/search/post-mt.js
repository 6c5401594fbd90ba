StudyGuideSearch.registerPostings("mt",{"mtl":[34,7,39,19,5,9,2,32,2,9,2,47,3,10,6,6,12,13,7,10,8,9,191,11],"mtu":[305,19]});
