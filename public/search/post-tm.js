StudyGuideSearch.registerPostings("tm",{"tmp":[94,159,4,158,48,171,52,158]});
