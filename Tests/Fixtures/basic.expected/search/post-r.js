StudyGuideSearch.registerPostings("r",{"read":[1,201],"repeat":[1,182],"resolv":[2,187],"row":[0,182]});
