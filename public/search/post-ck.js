StudyGuideSearch.registerPostings("ck",{"ckad":[284,43]});
