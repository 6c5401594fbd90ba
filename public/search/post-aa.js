StudyGuideSearch.registerPostings("aa",{"aaaa":[300,47,6,11],"aad":[92,11]});
