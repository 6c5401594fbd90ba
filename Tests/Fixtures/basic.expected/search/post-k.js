StudyGuideSearch.registerPostings("k",{"keep":[0,8],"kei":[0,8]});
