StudyGuideSearch.registerPostings("mp",{"mp4":[148,16],"mpl":[191,11],"mpstat":[174,42]});
