StudyGuideSearch.registerPostings("mp",{"mp4":[148,44],"mpl":[191,40],"mpstat":[174,55]});
