StudyGuideSearch.registerPostings("ah",{"ahead":[6,40,30,40,5,56,9,40,1,39,4,45,6,71,33,40,29,40,1,40,94,38,29,42,2,40,43,38]});
