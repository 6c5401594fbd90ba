StudyGuideSearch.registerPostings("pt",{"pt":[44,40,3,40],"pthread":[12,40],"ptr":[10,43,40,40],"ptrace":[146,39,28,39]});
