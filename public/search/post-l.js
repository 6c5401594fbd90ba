StudyGuideSearch.registerPostings("l",{"l":[86,40,21,44,11,47,26,45,30,43]});
