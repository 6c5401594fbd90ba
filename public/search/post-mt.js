StudyGuideSearch.registerPostings("mt",{"mtl":[34,7,39,19,5,9,2,31,2,9,2,46,3,10,6,6,12,12,7,9,8,9,190,7,1,11],"mtu":[305,19]});
