StudyGuideSearch.registerPostings("rs",{"rs256":[77,171,6,159],"rsa":[72,157,10,170,10,193],"rsalv2":[70,157],"rss":[198,169,65,157],"rst":[303,166,2,161],"rsync":[217,155]});
