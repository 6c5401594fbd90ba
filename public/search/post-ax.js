StudyGuideSearch.registerPostings("ax",{"ax":[141,10,67,46],"axi":[146,14,62,27]});
