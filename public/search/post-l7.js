StudyGuideSearch.registerPostings("l7",{"l7":[82,39,23,45,7,45,39,44,75,38,73,60,6,58,3,41,2,44,1,57]});
