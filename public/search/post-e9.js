StudyGuideSearch.registerPostings("e9",{"e9melhoa2owvfremtjguchaoek1t8urwbugjsstw":[78,39]});
