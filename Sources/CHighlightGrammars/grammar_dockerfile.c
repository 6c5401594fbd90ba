#include "grammar_entry.h"

#if __has_include("vendor/dockerfile/parser.c")
#include "vendor/dockerfile/parser.c"
static const char highlights[] =
#include "vendor/dockerfile/highlights.inc"
    ;
STUDYGUIDE_GRAMMAR_PRESENT(dockerfile)
#else
STUDYGUIDE_GRAMMAR_ABSENT(dockerfile)
#endif
