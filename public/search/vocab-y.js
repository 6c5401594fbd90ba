StudyGuideSearch.registerVocabulary("y",{"y":2,"yao":1,"ye":12,"year":31,"yesterdai":2,"yet":7,"yield":2,"yml":2,"york":1,"young":1,"yourself":9,"yugabytedb":2});
