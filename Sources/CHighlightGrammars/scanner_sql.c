// The grammar's external scanner, compiled apart from its parser (both define static helpers).
#if __has_include("vendor/sql/scanner.c")
#include "vendor/sql/scanner.c"
#endif
