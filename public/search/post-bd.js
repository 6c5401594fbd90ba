StudyGuideSearch.registerPostings("bd",{"bdd":[160,171,11,201]});
