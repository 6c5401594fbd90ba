StudyGuideSearch.registerPostings("o",{"off":[0,36],"order":[0,12]});
