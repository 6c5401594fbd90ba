StudyGuideSearch.registerShard("o",{"off":[0,43],"on":[0,146],"order":[0,14]});
