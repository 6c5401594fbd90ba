StudyGuideSearch.registerPostings("tf",{"tf":[52,10,139,10],"tfplan":[191,16],"tfsec":[191,11],"tfstate":[191,16]});
