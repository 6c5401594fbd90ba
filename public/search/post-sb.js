StudyGuideSearch.registerPostings("sb",{"sbi":[241,163],"sbom":[187,158,6,165]});
