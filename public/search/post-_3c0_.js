StudyGuideSearch.registerPostings("π",{"π":[211,10]});
