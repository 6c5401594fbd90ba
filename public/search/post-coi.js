StudyGuideSearch.registerPostings("coi",{"coin":[15,157,82,160],"coincid":[118,158,127,164,22,158],"coincident":[100,161]});
