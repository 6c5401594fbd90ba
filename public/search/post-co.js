StudyGuideSearch.registerPostings("co",{"co":[221,163,19,164,16,163]});
