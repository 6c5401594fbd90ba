#if canImport(CMimalloc)
internal import CMimalloc
#endif

/// How the allocator gives memory back. mimalloc keeps a freed segment's memory for half a second
/// before returning it, in case it is asked for again; a build's large buffers (a listing page,
/// the search index's tables) each come and go within that time, so each new one took fresh
/// memory while the last still counted: at 100,000 questions the last stages grew the peak by
/// about 5 MiB. Returned at once, they cost no measurable time (bench/RESULTS.md, twenty-fourth
/// session).
enum AllocatorTuning {
    static func apply() {
        #if canImport(CMimalloc)
        mi_option_set(mi_option_segment_decommit_delay, 0)
        #endif
    }
}
