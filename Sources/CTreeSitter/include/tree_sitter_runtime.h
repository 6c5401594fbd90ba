// tree-sitter's API, from the sources scripts/fetch_grammars.py puts in vendor/.
#if __has_include("../vendor/include/tree_sitter/api.h")
#include "../vendor/include/tree_sitter/api.h"
#else
#error "tree-sitter's sources are missing: run `make grammars` (scripts/fetch_grammars.py) first"
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/// One visible node of a tree, as a TSTreeCursor walk would yield it.
typedef struct {
    uint32_t start_byte;
    uint32_t end_byte;
    /// The node's public symbol, its alias applied.
    TSSymbol symbol;
    /// Its field in its visible parent (0: none).
    TSFieldId field;
    bool named;
    /// How many visible ancestors it has: the root's is 0.
    uint32_t depth;
} StudyGuideNode;

/// Writes the visible nodes of `tree` in document order (parents before children) into `out`,
/// up to `capacity` of them, and returns how many there are: when that is more than `capacity`,
/// call again with room for all. Returns 0 only when memory ran out.
size_t studyguide_visible_nodes(const TSTree *tree, StudyGuideNode *out, size_t capacity);
