// mimalloc's options: the executable tunes how the allocator gives memory back (AllocatorTuning.swift).
#include <mimalloc.h>
