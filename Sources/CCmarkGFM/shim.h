// The cmark-gfm core API plus the GFM extensions (tables, strikethrough, autolink, tagfilter, tasklist).
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
