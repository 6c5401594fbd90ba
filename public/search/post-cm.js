StudyGuideSearch.registerPostings("cm",{"cm":[69,10,9,10],"cmd":[71,9,39,15,77,9,6,8]});
