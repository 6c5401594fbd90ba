StudyGuideSearch.registerPostings("td",{"tdd":[163,162,8,217]});
