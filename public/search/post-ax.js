StudyGuideSearch.registerPostings("ax",{"ax":[141,40,67,57],"axfr":[309,41],"axi":[146,43,62,51]});
