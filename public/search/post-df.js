StudyGuideSearch.registerPostings("df",{"df":[0,145,3,8,5,9,6,8,1,36,159,12,119,7]});
