StudyGuideSearch.registerPostings("td",{"tdd":[163,12,8,128]});
