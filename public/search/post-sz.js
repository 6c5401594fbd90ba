StudyGuideSearch.registerPostings("sz",{"sz":[174,165]});
