StudyGuideSearch.registerPostings("ej",{"eject":[105,40,20,39,1,39,173,40]});
