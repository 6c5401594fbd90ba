#include "grammar_entry.h"

#if __has_include("vendor/go/parser.c")
#include "vendor/go/parser.c"
static const char highlights[] =
#include "vendor/go/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(go)
#else
STUDYGUIDE_GRAMMAR_ABSENT(go)
#endif
