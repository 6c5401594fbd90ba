StudyGuideSearch.registerPostings("pq",{"pqxdh":[222,35]});
