StudyGuideSearch.registerPostings("ml",{"ml":[82,157,10,165,6,158,42,160,24,159]});
