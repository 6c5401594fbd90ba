StudyGuideSearch.registerPostings("aa",{"aaaa":[300,194,6,160],"aad":[92,157]});
