StudyGuideSearch.registerPostings("a",{"anomali":[1,197],"answer":[2,194]});
