StudyGuideSearch.registerPostings("pm",{"pm":[213,8,7,7,27,14,14,10],"pm2":[176,10,28,11],"pmap":[263,10],"pmd":[102,17]});
