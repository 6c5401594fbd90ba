StudyGuideSearch.registerPostings("s3",{"s3":[59,10,12,49,18,10],"s3pplmbitxaq9kygzzhzrbk":[11,12]});
