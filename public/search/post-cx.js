StudyGuideSearch.registerPostings("cx",{"cx":[37,160],"cxf":[18,160]});
