StudyGuideSearch.registerPostings("df",{"df":[0,73,3,39,5,41,6,40,1,57,159,45,119,39]});
