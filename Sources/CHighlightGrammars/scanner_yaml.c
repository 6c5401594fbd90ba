// The grammar's external scanner, compiled apart from its parser (both define static helpers).
#if __has_include("vendor/yaml/scanner.c")
#include "vendor/yaml/scanner.c"
#endif
