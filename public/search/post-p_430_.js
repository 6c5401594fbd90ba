StudyGuideSearch.registerPostings("pа",{"pаypal":[1,39]});
