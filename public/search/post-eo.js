StudyGuideSearch.registerPostings("eo",{"eo":[130,159],"eol":[265,163]});
