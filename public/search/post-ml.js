StudyGuideSearch.registerPostings("ml",{"ml":[82,39,10,43,6,39,42,40,24,40]});
