StudyGuideSearch.registerPostings("sr",{"src":[41,15,38,13,1,10,15,9,73,9],"srv":[89,13]});
