// The grammar's external scanner, compiled apart from its parser (both define static helpers).
#if __has_include("vendor/python/scanner.c")
#include "vendor/python/scanner.c"
#endif
