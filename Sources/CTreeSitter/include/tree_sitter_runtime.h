// tree-sitter's API, from the sources scripts/fetch_grammars.py puts in vendor/.
#if __has_include("../vendor/include/tree_sitter/api.h")
#include "../vendor/include/tree_sitter/api.h"
#else
#error "tree-sitter's sources are missing: run `make grammars` (scripts/fetch_grammars.py) first"
#endif
