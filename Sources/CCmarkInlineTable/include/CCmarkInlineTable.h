#ifndef STUDYGUIDE_CMARK_INLINE_TABLE_H
#define STUDYGUIDE_CMARK_INLINE_TABLE_H

#include <cmark-gfm.h>

/// cmark_parser_finish, safe to call from many threads at once; parsers with the same
/// extensions parse their inlines in parallel. See inline_table.c for why it is needed.
cmark_node *studyguide_parser_finish(cmark_parser *parser);

/// Whether parsers finish in parallel (1) or one at a time (0): the first finish decides.
int studyguide_parallel_inlines(void);

#endif
