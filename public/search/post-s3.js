StudyGuideSearch.registerPostings("s3",{"s3":[64,40,17,38,9,40,2,39,6,43,18,40,19,43,13,58,28,40,15,46,26,61],"s3blobstore":[97,41],"s3pplmbitxaq9kygzzhzrbk":[23,40]});
