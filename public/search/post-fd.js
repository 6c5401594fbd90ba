StudyGuideSearch.registerPostings("fd",{"fd":[174,39,89,39]});
