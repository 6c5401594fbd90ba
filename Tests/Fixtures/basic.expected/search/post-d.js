StudyGuideSearch.registerPostings("d",{"defin":[1,106],"describ":[2,42],"dirti":[1,15],"disagr":[2,42]});
