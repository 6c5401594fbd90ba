StudyGuideSearch.registerPostings("lu",{"lua":[70,46,23,39,35,40,15,40,72,38,12,38,2,56],"lucen":[52,45,179,38],"luck":[242,42],"lucki":[165,41,17,40],"lunch":[266,43,9,43],"luo":[172,44]});
