#include <string.h>
#include "highlight_grammars.h"

#define GRAMMARS(X) X(sql) X(javascript) X(typescript) X(python) X(go) X(java) X(bash) X(json) X(yaml) X(dockerfile)

#define DECLARE(name) int studyguide_grammar_##name(StudyGuideGrammar *grammar);
GRAMMARS(DECLARE)

int studyguide_grammar(const char *name, StudyGuideGrammar *grammar) {
#define LOOK_UP(language) if (strcmp(name, #language) == 0) return studyguide_grammar_##language(grammar);
    GRAMMARS(LOOK_UP)
    return 0;
}
