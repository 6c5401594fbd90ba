// cmark-gfm parses inlines with a process-wide table of trigger characters. Inside
// cmark_parser_finish, cmark_manage_extensions_special_characters switches each attached
// inline extension's characters on (strikethrough's `~`, autolink's `w` and `:`) and off again
// afterwards, so two parsers finishing at once switch off each other's characters and
// strikethrough or autolinks silently vanish.
//
// The library calls that switch through its procedure linkage table, so the definition below
// takes its place (ELF symbol interposition, as malloc replacements work) and leaves the table
// alone. The table is instead filled here once for an extension set, under a writer lock, and
// every parser with that set finishes under a reader lock: in parallel. A parser with another
// set waits for the readers, swaps the characters and finishes alone.
//
// If the library does not call the definition below (another build of cmark-gfm, a static
// link), the first finish notices and every finish takes the writer lock: the library toggles
// the table itself, one parser at a time, as before.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <cmark-gfm-extension_api.h>
#include "CCmarkInlineTable.h"

typedef void (*manage_characters)(cmark_parser *, int);

enum { max_extensions = 16 };

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static atomic_int library_calls_us;
static atomic_int first_finish_done;
// Guarded by table_lock: the extensions whose characters the table holds, in attach order,
// and a parser that carries them, to switch them off again.
static void *installed[max_extensions];
static int installed_count = -1;
static cmark_parser *installed_parser;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    (void)parser;
    (void)add;
    atomic_store_explicit(&library_calls_us, 1, memory_order_relaxed);
}

static manage_characters library_switch(void) {
    static manage_characters found;
    if (!found) found = (manage_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    return found;
}

static int extensions_of(cmark_parser *parser, void **into) {
    int count = 0;
    for (cmark_llist *item = cmark_parser_get_syntax_extensions(parser); item; item = item->next) {
        if (count == max_extensions) return -1;
        into[count++] = item->data;
    }
    return count;
}

static int holds_extensions_of(cmark_parser *parser) {
    void *mine[max_extensions];
    int count = extensions_of(parser, mine);
    if (count < 0 || count != installed_count) return 0;
    for (int i = 0; i < count; i++) {
        if (mine[i] != installed[i]) return 0;
    }
    return 1;
}

// Called with the writer lock held.
static void install_extensions_of(cmark_parser *parser) {
    manage_characters library = library_switch();
    if (!library) return;
    if (installed_parser) {
        library(installed_parser, 0);
        cmark_parser_free(installed_parser);
        installed_parser = NULL;
    }
    installed_count = extensions_of(parser, installed);
    if (installed_count < 0) return;
    installed_parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (int i = 0; i < installed_count; i++) {
        cmark_parser_attach_syntax_extension(installed_parser, installed[i]);
    }
    library(installed_parser, 1);
}

static cmark_node *finish_alone(cmark_parser *parser) {
    pthread_rwlock_wrlock(&table_lock);
    if (!holds_extensions_of(parser)) install_extensions_of(parser);
    cmark_node *document = cmark_parser_finish(parser);
    atomic_store_explicit(&first_finish_done, 1, memory_order_release);
    pthread_rwlock_unlock(&table_lock);
    return document;
}

int studyguide_parallel_inlines(void) {
    return atomic_load_explicit(&first_finish_done, memory_order_acquire)
        && atomic_load_explicit(&library_calls_us, memory_order_relaxed);
}

cmark_node *studyguide_parser_finish(cmark_parser *parser) {
    if (!studyguide_parallel_inlines()) return finish_alone(parser);
    pthread_rwlock_rdlock(&table_lock);
    if (holds_extensions_of(parser)) {
        cmark_node *document = cmark_parser_finish(parser);
        pthread_rwlock_unlock(&table_lock);
        return document;
    }
    pthread_rwlock_unlock(&table_lock);
    return finish_alone(parser);
}
