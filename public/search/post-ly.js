StudyGuideSearch.registerPostings("ly",{"lyft":[221,191],"lynch":[133,167]});
