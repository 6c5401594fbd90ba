StudyGuideSearch.registerPostings("pn",{"png":[195,169,70,163]});
