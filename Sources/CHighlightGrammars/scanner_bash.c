// The grammar's external scanner, compiled apart from its parser (both define static helpers).
#if __has_include("vendor/bash/scanner.c")
#include "vendor/bash/scanner.c"
#endif
