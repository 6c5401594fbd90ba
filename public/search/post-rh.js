StudyGuideSearch.registerPostings("rh",{"rhythm":[258,55]});
