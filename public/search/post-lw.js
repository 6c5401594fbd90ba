StudyGuideSearch.registerPostings("lw",{"lww":[118,43,1,40,18,40,79,43]});
