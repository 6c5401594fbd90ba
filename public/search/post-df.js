StudyGuideSearch.registerPostings("df",{"df":[0,225,3,158,5,162,6,160,1,194,159,169,119,157]});
