StudyGuideSearch.registerPostings("a",{"anomali":[1,59],"answer":[2,58]});
