StudyGuideSearch.registerPostings("μ",{"μs":[211,15,13,9]});
