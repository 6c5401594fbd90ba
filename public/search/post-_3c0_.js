StudyGuideSearch.registerPostings("π",{"π":[211,38]});
