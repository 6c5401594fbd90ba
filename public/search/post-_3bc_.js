StudyGuideSearch.registerPostings("μ",{"μs":[211,44,13,38]});
