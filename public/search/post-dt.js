StudyGuideSearch.registerPostings("dt",{"dto":[56,160,8,160,25,160,5,159,7,159,9,160,7,160,86,158]});
