StudyGuideSearch.registerPostings("rx",{"rxjava":[134,12]});
