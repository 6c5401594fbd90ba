StudyGuideSearch.registerPostings("cv",{"cv":[205,40,67,43,5,43,5,42],"cve":[81,38,13,40,99,39,72,66],"cvss":[265,58],"cvv":[247,46]});
