StudyGuideSearch.registerPostings("mn",{"mnt":[145,40]});
