StudyGuideSearch.registerPostings("dv",{"dv":[87,44]});
