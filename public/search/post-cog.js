StudyGuideSearch.registerPostings("cog",{"cognito":[78,39]});
