StudyGuideSearch.registerPostings("ah",{"ahead":[6,7,30,6,5,26,9,6,1,6,4,10,6,97,33,7,29,6,1,7,94,5,29,8,2,7,43,6]});
