StudyGuideSearch.registerPostings("aa",{"aaaa":[300,58,6,40],"aad":[92,39]});
