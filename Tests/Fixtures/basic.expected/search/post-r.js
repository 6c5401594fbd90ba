StudyGuideSearch.registerPostings("r",{"read":[1,61],"repeat":[1,52],"resolv":[2,54],"row":[0,52]});
