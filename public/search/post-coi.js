StudyGuideSearch.registerPostings("coi",{"coin":[15,39,82,41],"coincid":[118,40,127,42,22,40],"coincident":[100,41]});
