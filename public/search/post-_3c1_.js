StudyGuideSearch.registerPostings("ρ",{"ρ":[144,44]});
