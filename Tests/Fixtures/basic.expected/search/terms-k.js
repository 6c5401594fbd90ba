StudyGuideSearch.registerShard("k",{"keep":[0,9],"kei":[0,9]});
