StudyGuideSearch.registerPostings("ld",{"ldap":[81,38]});
