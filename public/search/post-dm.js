StudyGuideSearch.registerPostings("dm",{"dm":[44,11],"dmarc":[219,9,52,9],"dmesg":[174,47]});
