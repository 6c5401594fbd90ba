StudyGuideSearch.registerPostings("ax",{"ax":[141,10,67,46],"axfr":[309,13],"axi":[146,14,62,27]});
