StudyGuideSearch.registerPostings("rs",{"rs256":[77,46,6,40],"rsa":[72,39,10,46,10,57],"rsalv2":[70,39],"rss":[198,45,65,39],"rst":[303,44,2,41],"rsync":[217,38]});
