#include "grammar_entry.h"

#if __has_include("vendor/yaml/parser.c")
#include "vendor/yaml/parser.c"
static const char highlights[] =
#include "vendor/yaml/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(yaml)
#else
STUDYGUIDE_GRAMMAR_ABSENT(yaml)
#endif
