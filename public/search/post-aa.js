StudyGuideSearch.registerPostings("aa",{"aaaa":[300,47,6,10],"aad":[92,11]});
