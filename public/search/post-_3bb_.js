StudyGuideSearch.registerPostings("λ",{"λ":[144,44],"λw":[144,40]});
