StudyGuideSearch.registerPostings("ey",{"ey":[250,161],"eyj":[148,160,66,155],"eyjhbgcioi":[9,161,25,160],"eyjsyxn0ijoxody1":[225,163]});
