StudyGuideSearch.registerPostings("eb",{"eb":[92,39,125,38],"ebai":[131,41],"ebpf":[105,44,15,40,26,56,28,43,7,39,118,40]});
