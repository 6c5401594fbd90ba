StudyGuideSearch.registerPostings("π",{"π":[211,155]});
