StudyGuideSearch.registerPostings("a",{"anomali":[1,63],"answer":[2,55]});
