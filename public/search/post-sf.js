StudyGuideSearch.registerPostings("sf",{"sftp":[260,42]});
