#include "grammar_entry.h"

#if __has_include("vendor/typescript/parser.c")
#include "vendor/typescript/parser.c"
static const char highlights[] =
#include "vendor/typescript/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(typescript)
#else
STUDYGUIDE_GRAMMAR_ABSENT(typescript)
#endif
