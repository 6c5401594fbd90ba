StudyGuideSearch.registerPostings("fm",{"fmt":[210,40,53,39,22,43]});
