StudyGuideSearch.registerPostings("dd",{"ddd":[101,40,6,66,3,40],"ddl":[47,57,39,40,206,38],"ddo":[229,38,73,40]});
