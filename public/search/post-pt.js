StudyGuideSearch.registerPostings("pt",{"pt":[44,159,3,160],"pthread":[12,159],"ptr":[10,166,40,159],"ptrace":[146,158,28,157]});
