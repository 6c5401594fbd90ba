StudyGuideSearch.registerPostings("b6",{"b64decode":[25,159],"b64encode":[25,159]});
