StudyGuideSearch.registerPostings("rb",{"rbac":[79,9,10,13,2,15,95,12]});
