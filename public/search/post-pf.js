StudyGuideSearch.registerPostings("pf",{"pfadd":[70,157,75,159],"pfcount":[70,157,75,159]});
