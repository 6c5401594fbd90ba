StudyGuideSearch.registerPostings("mc",{"mcrouter":[224,54]});
