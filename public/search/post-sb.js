StudyGuideSearch.registerPostings("sb",{"sbi":[241,14],"sbom":[187,10,6,13]});
