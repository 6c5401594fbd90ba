/* ts_thr.c - thread-safety check: one TSLanguage + one TSQuery shared by N threads, each thread with its own
 * TSParser and TSQueryCursor, highlights all FILES R times; checksum of capture (start,end,id) must be equal
 * across threads and equal to the single-thread result.  usage: ts_thr LANG QUERY N R FILE... */
#define _GNU_SOURCE
#include <tree_sitter/api.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static const TSLanguage *lang; static TSQuery *q; static char **src; static size_t *len; static int nf, R;
static void *work(void *arg) {
  unsigned long long h = 1469598103934665603ULL;
  TSParser *p = ts_parser_new(); ts_parser_set_language(p, lang); TSQueryCursor *c = ts_query_cursor_new();
  for (int r = 0; r < R; r++) for (int i = 0; i < nf; i++) {
    TSTree *t = ts_parser_parse_string(p, NULL, src[i], len[i]);
    ts_query_cursor_exec(c, q, ts_tree_root_node(t)); TSQueryMatch m; uint32_t ci;
    while (ts_query_cursor_next_capture(c, &m, &ci)) {
      TSNode n = m.captures[ci].node;
      h = (h ^ (ts_node_start_byte(n) * 31u + ts_node_end_byte(n) * 7u + m.captures[ci].index)) * 1099511628211ULL;
    }
    ts_tree_delete(t);
  }
  ts_parser_delete(p); ts_query_cursor_delete(c);
  unsigned long long *out = arg; *out = h; return NULL;
}
int main(int argc, char **argv) {
  char sym[128]; snprintf(sym, sizeof sym, "tree_sitter_%s", argv[1]);
  lang = ((const TSLanguage *(*)(void))dlsym(RTLD_DEFAULT, sym))();
  FILE *f = fopen(argv[2], "rb"); fseek(f, 0, SEEK_END); long qn = ftell(f); rewind(f); char *qs = malloc(qn); fread(qs, 1, qn, f); fclose(f);
  uint32_t eo; TSQueryError et; q = ts_query_new(lang, qs, qn, &eo, &et);
  int N = atoi(argv[3]); R = atoi(argv[4]); nf = argc - 5; src = malloc(nf * sizeof *src); len = malloc(nf * sizeof *len);
  for (int i = 0; i < nf; i++) { f = fopen(argv[5 + i], "rb"); fseek(f, 0, SEEK_END); len[i] = ftell(f); rewind(f); src[i] = malloc(len[i]); fread(src[i], 1, len[i], f); fclose(f); }
  unsigned long long single; int saveR = R; R = 1; work(&single); R = saveR;
  unsigned long long single_r; work(&single_r);
  pthread_t th[16]; unsigned long long hs[16];
  for (int i = 0; i < N; i++) pthread_create(&th[i], NULL, work, &hs[i]);
  int ok = 1; for (int i = 0; i < N; i++) { pthread_join(th[i], NULL); if (hs[i] != single_r) ok = 0; }
  printf("%s: %d threads x %d passes, shared TSQuery: %s\n", argv[1], N, R, ok ? "identical results" : "MISMATCH");
  return !ok;
}
