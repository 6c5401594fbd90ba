StudyGuideSearch.registerPostings("mp",{"mp4":[148,167],"mpl":[191,159],"mpstat":[174,189]});
