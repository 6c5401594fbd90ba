StudyGuideSearch.registerPostings("l1",{"l1":[6,159,143,164,25,165,37,155,13,164]});
