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

/// The bytes an escaper must rewrite: `studyguide_markup` is `&<>"'`; `studyguide_script_file`
/// is the controls, DEL, `"`, `\` and 0xE2 (the first byte of U+2028 and U+2029);
/// `studyguide_script` is those and `<>&`; `studyguide_field_breaks` is tab, LF and CR, which
/// end a field of a tab-separated file.
enum studyguide_byte_set { studyguide_markup, studyguide_script, studyguide_script_file, studyguide_field_breaks };

/// How many bytes at the start of `bytes` are outside `set`: `length` when none is in it.
size_t studyguide_plain_run(const uint8_t *bytes, size_t length, enum studyguide_byte_set set);

#endif
