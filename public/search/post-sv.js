StudyGuideSearch.registerPostings("sv",{"sv":[87,10],"svc":[96,8,7,13,3,10,5,11,9,7,26,9,40,9,27,10,1,6,82,10,4,7],"svcb":[300,12],"svcutil":[18,12],"svg":[146,11]});
