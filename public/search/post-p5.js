StudyGuideSearch.registerPostings("p5",{"p5":[127,45],"p50":[35,39,119,45,11,41,8,40,21,44,73,40]});
