StudyGuideSearch.registerPostings("r",{"read":[1,74],"repeat":[1,34],"resolv":[2,42],"row":[0,34]});
