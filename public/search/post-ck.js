StudyGuideSearch.registerPostings("ck",{"ckad":[284,164]});
