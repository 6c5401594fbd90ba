// What each grammar wrapper defines: the accessor the registry (grammars.c) calls.
// (`tree_sitter_NAME` is declared by the parser.c included before it.)
// A wrapper includes its grammar's generated parser.c when scripts/fetch_grammars.py has put it
// in vendor/, and otherwise says the grammar is absent, so the package builds either way.
#include "highlight_grammars.h"

#define STUDYGUIDE_GRAMMAR_PRESENT(name)                                                        \
    int studyguide_grammar_##name(StudyGuideGrammar *grammar) {                                 \
        grammar->language = tree_sitter_##name();                                               \
        grammar->highlights = highlights;                                                       \
        grammar->highlights_length = sizeof highlights - 1;                                     \
        return 1;                                                                               \
    }

#define STUDYGUIDE_GRAMMAR_ABSENT(name)                                                         \
    int studyguide_grammar_##name(StudyGuideGrammar *grammar) { (void)grammar; return 0; }
