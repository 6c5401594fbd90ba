StudyGuideSearch.registerPostings("sz",{"sz":[174,43]});
