StudyGuideSearch.registerPostings("dd",{"ddd":[101,10,6,94,3,10],"ddl":[47,44,39,10,206,8],"ddo":[229,9,73,10]});
