StudyGuideSearch.registerPostings("lw",{"lww":[118,166,1,159,18,160,79,164]});
