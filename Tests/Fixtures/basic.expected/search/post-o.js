StudyGuideSearch.registerPostings("o",{"off":[0,53],"order":[0,40]});
