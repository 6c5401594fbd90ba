StudyGuideSearch.registerPostings("bk",{"bk":[109,161,15,167,12,158]});
