StudyGuideSearch.registerPostings("dk",{"dkim":[219,8,52,9,29,10]});
