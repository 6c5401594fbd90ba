StudyGuideSearch.registerPostings("aj",{"ajv":[85,40]});
