StudyGuideSearch.registerPostings("cm",{"cm":[69,159,9,157],"cmd":[71,159,39,170,77,158,6,157]});
