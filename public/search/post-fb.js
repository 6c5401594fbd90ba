StudyGuideSearch.registerPostings("fb",{"fbclid":[302,40]});
