StudyGuideSearch.registerPostings("ree",{"reentranc":[12,40],"reentrant":[12,40],"reentrantlock":[12,44,188,62]});
