StudyGuideSearch.registerPostings("ree",{"reentranc":[12,11],"reentrant":[12,11],"reentrantlock":[12,14,188,71]});
