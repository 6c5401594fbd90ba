StudyGuideSearch.registerPostings("pm",{"pm":[213,38,7,38,27,45,14,41],"pm2":[176,40,28,40],"pmap":[263,39],"pmd":[102,45]});
