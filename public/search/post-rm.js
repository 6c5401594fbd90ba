StudyGuideSearch.registerPostings("rm",{"rmi":[94,40]});
