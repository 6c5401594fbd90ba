StudyGuideSearch.registerPostings("rb",{"rbac":[79,158,10,167,2,170,95,165]});
