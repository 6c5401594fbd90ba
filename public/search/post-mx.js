StudyGuideSearch.registerPostings("mx",{"mx":[300,56]});
