StudyGuideSearch.registerPostings("px",{"px":[70,157,53,158,5,169,15,159,6,156,78,164]});
