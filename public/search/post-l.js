StudyGuideSearch.registerPostings("l",{"l":[86,160,21,167,11,173,26,170,30,165]});
