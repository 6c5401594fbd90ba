StudyGuideSearch.registerPostings("coe",{"coerc":[208,40,78,43],"coercion":[206,40,80,43],"coexist":[184,56,116,40]});
