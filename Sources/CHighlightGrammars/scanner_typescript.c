// The grammar's external scanner, compiled apart from its parser (both define static helpers).
#if __has_include("vendor/typescript/scanner.c")
#include "vendor/typescript/scanner.c"
#endif
