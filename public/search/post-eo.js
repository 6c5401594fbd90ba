StudyGuideSearch.registerPostings("eo",{"eo":[130,40],"eol":[265,42]});
