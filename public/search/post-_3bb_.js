StudyGuideSearch.registerPostings("λ",{"λ":[144,167],"λw":[144,160]});
