StudyGuideSearch.registerPostings("sf",{"sftp":[138,15]});
