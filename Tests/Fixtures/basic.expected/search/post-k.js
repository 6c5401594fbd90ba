StudyGuideSearch.registerPostings("k",{"keep":[0,149],"kei":[0,149]});
