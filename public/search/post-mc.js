StudyGuideSearch.registerPostings("mc",{"mcrouter":[224,187]});
