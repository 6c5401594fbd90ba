StudyGuideSearch.registerPostings("ly",{"lyft":[221,56],"lynch":[133,44]});
