StudyGuideSearch.registerPostings("co",{"co":[221,42,19,43,16,42]});
