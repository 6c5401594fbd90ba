StudyGuideSearch.registerPostings("sv",{"sv":[87,39],"svc":[96,41,7,47,3,44,5,45,9,40,26,43,40,43,27,44,1,38,82,44,4,40],"svcb":[300,40],"svcutil":[18,40],"svg":[146,39]});
