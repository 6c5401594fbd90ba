StudyGuideSearch.registerPostings("cof",{"coffman":[12,40]});
