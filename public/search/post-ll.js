StudyGuideSearch.registerPostings("ll",{"llm":[23,40,275,44]});
