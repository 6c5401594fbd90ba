// Swift's Glibc module hides copy_file_range behind _GNU_SOURCE, so the one call lives here.
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include "CStudyGuideSystem.h"

long studyguide_copy_range(int from, int64_t *from_offset, int to, int64_t *to_offset, size_t count) {
#if defined(__linux__)
    off_t in = (off_t)*from_offset, out = (off_t)*to_offset;
    ssize_t copied = copy_file_range(from, &in, to, &out, count, 0);
    *from_offset = in;
    *to_offset = out;
    return (long)copied;
#else
    errno = ENOSYS;
    return -1;
#endif
}
