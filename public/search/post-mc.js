StudyGuideSearch.registerPostings("mc",{"mcrouter":[224,38]});
