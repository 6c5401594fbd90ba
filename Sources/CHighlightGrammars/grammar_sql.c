#include "grammar_entry.h"

#if __has_include("vendor/sql/parser.c")
#include "vendor/sql/parser.c"
static const char highlights[] =
#include "vendor/sql/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(sql)
#else
STUDYGUIDE_GRAMMAR_ABSENT(sql)
#endif
