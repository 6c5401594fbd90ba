StudyGuideSearch.registerPostings("sb",{"sbi":[123,15]});
