StudyGuideSearch.registerPostings("px",{"px":[70,8,53,8,5,13,15,8,6,7,78,10]});
