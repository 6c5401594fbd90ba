StudyGuideSearch.registerPostings("tf",{"tf":[52,159,139,159],"tfplan":[191,166],"tfsec":[191,159],"tfstate":[191,166]});
