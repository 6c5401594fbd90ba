StudyGuideSearch.registerPostings("aq",{"aq":[22,40],"aqu":[174,43]});
