StudyGuideSearch.registerPostings("tm",{"tmp":[94,40,4,39,48,46,52,40]});
