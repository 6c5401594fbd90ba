StudyGuideSearch.registerPostings("cv",{"cv":[205,159,67,164,5,165,5,164],"cve":[81,155,13,159,99,157,72,211],"cvss":[265,196],"cvv":[247,172]});
