StudyGuideSearch.registerPostings("dt",{"dto":[56,8,8,8,25,8,5,8,7,8,9,8,7,8,86,7]});
