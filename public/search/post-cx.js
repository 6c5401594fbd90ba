StudyGuideSearch.registerPostings("cx",{"cx":[37,12],"cxf":[18,12]});
