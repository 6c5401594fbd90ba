StudyGuideSearch.registerPostings("sz",{"sz":[174,15]});
