#include "grammar_entry.h"

#if __has_include("vendor/java/parser.c")
#include "vendor/java/parser.c"
static const char highlights[] =
#include "vendor/java/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(java)
#else
STUDYGUIDE_GRAMMAR_ABSENT(java)
#endif
