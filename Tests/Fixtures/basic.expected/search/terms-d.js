StudyGuideSearch.registerShard("d",{"defin":[1,146],"describ":[2,40],"dirti":[1,18],"disagr":[2,40],"doe":[1,146]});
