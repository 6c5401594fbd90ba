StudyGuideSearch.registerPostings("d",{"defin":[1,65],"describ":[2,54],"dirti":[1,42],"disagr":[2,54]});
