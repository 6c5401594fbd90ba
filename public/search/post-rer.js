StudyGuideSearch.registerPostings("rer",{"reran":[250,12],"reread":[79,10,199,13],"rerun":[193,9,57,14,12,12],"rerunfailingtestscount":[172,11],"rerunfailur":[172,11]});
