StudyGuideSearch.registerPostings("ff",{"ff":[192,160],"ffff":[1,157,89,158]});
