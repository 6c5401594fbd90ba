StudyGuideSearch.registerPostings("rb",{"rbac":[79,39,10,44,2,46,95,43]});
