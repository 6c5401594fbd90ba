StudyGuideSearch.registerPostings("fd",{"fd":[174,157,89,157]});
