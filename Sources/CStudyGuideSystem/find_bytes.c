// memmem is a GNU extension that Swift's Glibc module does not show; the one call lives here.
#define _GNU_SOURCE
#include <string.h>
#include "CStudyGuideSystem.h"

const void *studyguide_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}
