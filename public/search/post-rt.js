StudyGuideSearch.registerPostings("rt",{"rt":[214,42],"rto":[41,69,80,45,4,47,7,46,171,40],"rtt":[82,57,214,57,10,40]});
