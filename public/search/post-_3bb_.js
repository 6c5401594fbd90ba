StudyGuideSearch.registerPostings("λ",{"λ":[144,16],"λw":[144,12]});
