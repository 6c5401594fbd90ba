StudyGuideSearch.registerPostings("rer",{"reran":[250,161],"reread":[79,158,199,164],"rerun":[193,157,57,168,12,163],"rerunfailingtestscount":[172,159],"rerunfailur":[172,159]});
