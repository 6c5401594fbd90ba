StudyGuideSearch.registerPostings("sf",{"sftp":[260,164]});
