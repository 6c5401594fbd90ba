StudyGuideSearch.registerPostings("tb",{"tb":[41,7,170,10,2,6,1,8,2,8,1,8,1,8,2,5,2,4,2,8,1,8,3,6,40,8,2,9]});
