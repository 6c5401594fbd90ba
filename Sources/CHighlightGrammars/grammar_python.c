#include "grammar_entry.h"

#if __has_include("vendor/python/parser.c")
#include "vendor/python/parser.c"
static const char highlights[] =
#include "vendor/python/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(python)
#else
STUDYGUIDE_GRAMMAR_ABSENT(python)
#endif
