#include "grammar_entry.h"

#if __has_include("vendor/javascript/parser.c")
#include "vendor/javascript/parser.c"
static const char highlights[] =
#include "vendor/javascript/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(javascript)
#else
STUDYGUIDE_GRAMMAR_ABSENT(javascript)
#endif
