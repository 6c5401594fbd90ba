#ifndef C_STUDYGUIDE_SYSTEM_H
#define C_STUDYGUIDE_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (for example when the
/// file system or kernel does not support the exchange).
int studyguide_exchange_paths(const char *first, const char *second);

#endif
