StudyGuideSearch.registerPostings("rs",{"rs256":[77,18,6,10],"rsa":[72,9,10,16,10,42],"rsalv2":[70,10],"rss":[198,16,65,9],"rst":[303,14,2,11],"rsync":[217,10]});
