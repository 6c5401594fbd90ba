StudyGuideSearch.registerPostings("aq",{"aq":[22,12],"aqu":[174,15]});
