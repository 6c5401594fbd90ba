// Snowball's stemmers (Debian's libstemmer-dev), for search in the site's language.
#include <libstemmer.h>
