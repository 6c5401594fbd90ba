StudyGuideSearch.registerPostings("ml",{"ml":[82,8,10,11,6,8,42,9,24,9]});
