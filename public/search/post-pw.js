StudyGuideSearch.registerPostings("pw",{"pwd":[83,11],"pwned":[94,11]});
