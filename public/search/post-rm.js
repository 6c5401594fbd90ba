StudyGuideSearch.registerPostings("rm",{"rmi":[94,11]});
