StudyGuideSearch.registerPostings("aq",{"aq":[22,159],"aqu":[174,165]});
