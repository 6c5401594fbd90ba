StudyGuideSearch.registerPostings("b2",{"b2b":[73,156,20,157,150,159,7,161,2,164,5,162]});
