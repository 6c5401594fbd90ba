StudyGuideSearch.registerPostings("rm",{"rmi":[94,159]});
