StudyGuideSearch.registerPostings("bg",{"bgp":[302,159,4,160]});
