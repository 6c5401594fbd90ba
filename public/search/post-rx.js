StudyGuideSearch.registerPostings("rx",{"rxjava":[134,40]});
