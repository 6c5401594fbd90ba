StudyGuideSearch.registerPostings("ld",{"ldap":[81,155]});
