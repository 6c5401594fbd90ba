#include "grammar_entry.h"

#if __has_include("vendor/json/parser.c")
#include "vendor/json/parser.c"
static const char highlights[] =
#include "vendor/json/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(json)
#else
STUDYGUIDE_GRAMMAR_ABSENT(json)
#endif
