StudyGuideSearch.registerPostings("l3",{"l3":[305,41]});
