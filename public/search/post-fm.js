StudyGuideSearch.registerPostings("fm",{"fmt":[210,159,53,157,22,164]});
