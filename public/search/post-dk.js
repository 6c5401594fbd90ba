StudyGuideSearch.registerPostings("dk",{"dkim":[219,156,52,157,29,160]});
