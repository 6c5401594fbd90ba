StudyGuideSearch.registerPostings("fb",{"fbclid":[302,159]});
