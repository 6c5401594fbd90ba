StudyGuideSearch.registerPostings("k",{"keep":[0,35],"kei":[0,35]});
