StudyGuideSearch.registerPostings("pn",{"png":[195,45,70,42]});
