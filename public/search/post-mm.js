StudyGuideSearch.registerPostings("mm",{"mmap":[13,12],"mmu":[13,12]});
