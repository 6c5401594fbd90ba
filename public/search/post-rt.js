StudyGuideSearch.registerPostings("rt",{"rt":[214,164],"rto":[41,218,80,169,4,172,7,171,171,159],"rtt":[82,194,214,193,10,160]});
