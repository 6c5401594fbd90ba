StudyGuideSearch.registerPostings("dm",{"dm":[44,159],"dmarc":[219,156,52,157],"dmesg":[174,192]});
