StudyGuideSearch.registerPostings("rw",{"rwnd":[303,40]});
