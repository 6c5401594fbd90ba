StudyGuideSearch.registerPostings("tx",{"tx":[213,9,17,9],"txt":[145,13,13,10,70,42,72,35]});
