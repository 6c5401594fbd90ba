StudyGuideSearch.registerPostings("cv",{"cv":[205,9,67,12,5,12,5,11],"cve":[81,8,13,9,99,8,72,87],"cvss":[265,56],"cvv":[247,20]});
