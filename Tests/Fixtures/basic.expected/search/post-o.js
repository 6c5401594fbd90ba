StudyGuideSearch.registerPostings("o",{"off":[0,184],"order":[0,159]});
