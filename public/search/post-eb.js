StudyGuideSearch.registerPostings("eb",{"eb":[92,157,125,155],"ebai":[131,161],"ebpf":[105,166,15,159,26,192,28,165,7,158,118,159]});
