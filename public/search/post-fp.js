StudyGuideSearch.registerPostings("fp",{"fpm":[199,40]});
