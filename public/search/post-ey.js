StudyGuideSearch.registerPostings("ey",{"ey":[250,41],"eyj":[148,40,66,38],"eyjhbgcioi":[9,41,25,41],"eyjsyxn0ijoxody1":[225,42]});
