#ifndef STUDYGUIDE_HIGHLIGHT_GRAMMARS_H
#define STUDYGUIDE_HIGHLIGHT_GRAMMARS_H

#include <stddef.h>

/// One tree-sitter grammar compiled into the program, with its highlights query.
/// `language` is a `const TSLanguage *` (kept opaque here, so this target needs no tree-sitter
/// headers of Debian's); every pointer is static data that lives as long as the process.
typedef struct {
    const void *language;
    const char *highlights;
    size_t highlights_length;
} StudyGuideGrammar;

/// The grammar called `name` ("sql", "javascript", …): 1 and `*grammar` filled in, or 0 when
/// no such grammar was compiled in (its sources were not fetched: see scripts/fetch_grammars.py).
int studyguide_grammar(const char *name, StudyGuideGrammar *grammar);

#endif
