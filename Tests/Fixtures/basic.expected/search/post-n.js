StudyGuideSearch.registerPostings("n",{"n":[0,35]});
