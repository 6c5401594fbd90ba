// The grammar's external scanner, compiled apart from its parser (both define static helpers).
#if __has_include("vendor/javascript/scanner.c")
#include "vendor/javascript/scanner.c"
#endif
