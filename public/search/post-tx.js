StudyGuideSearch.registerPostings("tx",{"tx":[213,38,17,38],"txt":[145,44,13,41,70,58,72,56]});
