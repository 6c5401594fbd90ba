StudyGuideSearch.registerPostings("rt",{"rt":[214,14],"rto":[41,112,80,13,4,16,7,15,171,9],"rtt":[82,44,214,42,10,10]});
