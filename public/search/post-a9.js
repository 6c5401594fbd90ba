StudyGuideSearch.registerPostings("a9",{"a91f":[17,41]});
