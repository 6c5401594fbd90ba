#include "grammar_entry.h"

#if __has_include("vendor/bash/parser.c")
#include "vendor/bash/parser.c"
static const char highlights[] =
#include "vendor/bash/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(bash)
#else
STUDYGUIDE_GRAMMAR_ABSENT(bash)
#endif
