StudyGuideSearch.registerPostings("s3",{"s3":[64,7,17,6,9,7,2,7,6,9,18,7,19,9,13,35,28,7,15,12,26,45],"s3blobstore":[97,12],"s3pplmbitxaq9kygzzhzrbk":[23,12]});
