StudyGuideSearch.registerPostings("dm",{"dm":[44,40],"dmarc":[219,39,52,39],"dmesg":[174,56]});
