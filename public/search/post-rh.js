StudyGuideSearch.registerPostings("rh",{"rhythm":[258,188]});
