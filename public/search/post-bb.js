StudyGuideSearch.registerPostings("bb",{"bbr":[303,166]});
