StudyGuideSearch.registerPostings("p5",{"p5":[127,169],"p50":[35,158,119,169,11,160,8,159,21,167,73,158]});
