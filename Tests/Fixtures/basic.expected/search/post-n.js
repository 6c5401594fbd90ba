StudyGuideSearch.registerPostings("n",{"n":[0,149]});
