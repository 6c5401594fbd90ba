StudyGuideSearch.registerPostings("s3",{"s3":[64,160,17,155,9,158,2,157,6,166,18,160,19,166,13,196,28,159,15,171,26,202],"s3blobstore":[97,160],"s3pplmbitxaq9kygzzhzrbk":[23,160]});
