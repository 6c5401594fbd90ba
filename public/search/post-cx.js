StudyGuideSearch.registerPostings("cx",{"cx":[37,41],"cxf":[18,40]});
