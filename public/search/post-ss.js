StudyGuideSearch.registerPostings("ss",{"ssd":[166,11],"sse":[11,10,1,11,7,11],"ssl":[44,30,2,255,28,10,15,16],"sslkeylogfil":[44,11],"sso":[42,11,1,42],"ssr":[4,12,101,12],"ssrf":[41,11]});
