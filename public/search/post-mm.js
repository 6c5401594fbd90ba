StudyGuideSearch.registerPostings("mm",{"mmap":[13,40],"mmu":[13,40]});
