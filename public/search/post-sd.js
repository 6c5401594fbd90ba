StudyGuideSearch.registerPostings("sd",{"sdk":[10,8,49,11,7,8,5,8,12,9,11,8,23,9,46,10]});
