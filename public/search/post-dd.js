StudyGuideSearch.registerPostings("dd",{"ddd":[101,159,6,211,3,160],"ddl":[47,194,39,160,206,155],"ddo":[229,155,73,159]});
