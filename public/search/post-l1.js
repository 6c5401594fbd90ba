StudyGuideSearch.registerPostings("l1",{"l1":[6,40,143,43,25,43,37,38,13,42]});
