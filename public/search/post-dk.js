StudyGuideSearch.registerPostings("dk",{"dkim":[219,39,52,39,29,40]});
