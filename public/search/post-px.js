StudyGuideSearch.registerPostings("px",{"px":[70,39,53,40,5,45,15,40,6,39,78,42]});
