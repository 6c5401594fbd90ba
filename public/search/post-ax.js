StudyGuideSearch.registerPostings("ax",{"ax":[141,159,67,193],"axfr":[309,162],"axi":[146,166,62,181]});
