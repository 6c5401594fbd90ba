StudyGuideSearch.registerPostings("sb",{"sbi":[241,42],"sbom":[187,40,6,43]});
