StudyGuideSearch.registerPostings("rer",{"reran":[250,41],"reread":[79,39,199,43],"rerun":[193,39,57,44,12,42],"rerunfailingtestscount":[172,40],"rerunfailur":[172,40]});
