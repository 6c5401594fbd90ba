// The grammar's external scanner, compiled apart from its parser (both define static helpers).
#if __has_include("vendor/dockerfile/scanner.c")
#include "vendor/dockerfile/scanner.c"
#endif
