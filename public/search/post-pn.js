StudyGuideSearch.registerPostings("pn",{"png":[195,16,70,13]});
