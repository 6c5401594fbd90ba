StudyGuideSearch.registerPostings("cog",{"cognito":[78,157]});
