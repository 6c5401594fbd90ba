StudyGuideSearch.registerPostings("tx",{"tx":[213,156,17,156],"txt":[145,166,13,161,70,194,72,190]});
