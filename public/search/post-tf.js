StudyGuideSearch.registerPostings("tf",{"tf":[52,40,139,40],"tfplan":[191,44],"tfsec":[191,40],"tfstate":[191,44]});
