StudyGuideSearch.registerPostings("dt",{"dto":[56,40,8,40,25,40,5,40,7,40,9,40,7,40,86,39]});
