// tree-sitter's C library, compiled into the program as one unit (its own lib.c), from the
// sources scripts/fetch_grammars.py puts in vendor/.
#if __has_include("vendor/src/lib.c")
#include "vendor/src/lib.c"
#else
#error "tree-sitter's sources are missing: run `make grammars` (scripts/fetch_grammars.py) first"
#endif
