StudyGuideSearch.registerPostings("cm",{"cm":[69,40,9,39],"cmd":[71,40,39,45,77,40,6,39]});
