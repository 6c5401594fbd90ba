StudyGuideSearch.registerPostings("dg",{"dghlihnhbxbszsbub25jzq":[23,40]});
