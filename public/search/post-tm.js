StudyGuideSearch.registerPostings("tm",{"tmp":[94,9,4,9,48,15,52,9]});
