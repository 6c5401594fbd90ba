StudyGuideSearch.registerPostings("pm",{"pm":[213,156,7,155,27,169,14,162],"pm2":[176,159,28,160],"pmap":[263,157],"pmd":[102,168]});
