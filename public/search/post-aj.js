StudyGuideSearch.registerPostings("aj",{"ajv":[85,160]});
