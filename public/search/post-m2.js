StudyGuideSearch.registerPostings("m2",{"m2":[187,40]});
