StudyGuideSearch.registerPostings("d",{"defin":[1,209],"describ":[2,187],"dirti":[1,164],"disagr":[2,187]});
