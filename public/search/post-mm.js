StudyGuideSearch.registerPostings("mm",{"mmap":[13,160],"mmu":[13,160]});
