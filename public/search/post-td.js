StudyGuideSearch.registerPostings("td",{"tdd":[163,41,8,69]});
