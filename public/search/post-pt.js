StudyGuideSearch.registerPostings("pt",{"pt":[44,10,3,11],"pthread":[12,11],"ptr":[10,14,40,10],"ptrace":[146,10,28,10]});
