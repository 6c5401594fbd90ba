StudyGuideSearch.registerPostings("pw",{"pwd":[83,159],"pwned":[94,159]});
