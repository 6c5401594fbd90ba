StudyGuideSearch.registerPostings("ree",{"reentranc":[12,159],"reentrant":[12,159],"reentrantlock":[12,166,188,203]});
