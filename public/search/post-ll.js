StudyGuideSearch.registerPostings("ll",{"llm":[23,160,275,166]});
