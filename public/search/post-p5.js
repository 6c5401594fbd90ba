StudyGuideSearch.registerPostings("p5",{"p5":[127,18],"p50":[35,8,119,13,11,9,8,8,21,12,73,8]});
