#ifndef C_STUDYGUIDE_SYSTEM_H
#define C_STUDYGUIDE_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (for example when the
/// file system or kernel does not support the exchange).
int studyguide_exchange_paths(const char *first, const char *second);

/// The first occurrence of `needle` in `haystack` (glibc's memmem, vectorised), or NULL.
const void *studyguide_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Copies up to `count` bytes from `from` at `*from_offset` to `to` at `*to_offset` inside the
/// kernel (Linux copy_file_range), advancing both offsets. Returns the bytes copied, 0 at the end
/// of `from`, or -1 with errno set (ENOSYS, EXDEV, EINVAL, EOPNOTSUPP where it cannot).
long studyguide_copy_range(int from, int64_t *from_offset, int to, int64_t *to_offset, size_t count);

#include "studyguide_plain_run.h"

#endif
