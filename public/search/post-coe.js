StudyGuideSearch.registerPostings("coe",{"coerc":[208,160,78,165],"coercion":[206,160,80,165],"coexist":[184,192,116,160]});
