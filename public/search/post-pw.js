StudyGuideSearch.registerPostings("pw",{"pwd":[83,40],"pwned":[94,40]});
