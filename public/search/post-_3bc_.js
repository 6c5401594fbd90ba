StudyGuideSearch.registerPostings("μ",{"μs":[211,167,13,155]});
