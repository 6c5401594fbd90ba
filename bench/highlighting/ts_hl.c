/* ts_hl.c - tree-sitter highlight driver for the evaluation (not production code).
 * usage: ts_hl LANG QUERY.scm REPEAT OUT.html FILE...
 *   LANG: symbol suffix, e.g. javascript -> tree_sitter_javascript()
 * Parses every FILE, runs the highlights query (evaluating #eq?/#not-eq?/#match?/#not-match?/#any-of?
 * itself, since the 0.20.7 runtime leaves predicates to the caller), emits nested <span class=..>
 * HTML into a buffer, REPEAT times; writes the last pass to OUT.html; prints timings.
 * Checks that the text content of the HTML equals the input. */
#define _GNU_SOURCE
#include <tree_sitter/api.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dlfcn.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

typedef struct { char *s; size_t n, cap; } Buf;
static void bput(Buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) { b->cap = (b->n + n + 1) * 2; b->s = realloc(b->s, b->cap); }
  memcpy(b->s + b->n, s, n); b->n += n; b->s[b->n] = 0;
}
static void besc(Buf *b, const char *s, size_t n) {
  size_t st = 0;
  for (size_t i = 0; i < n; i++) {
    const char *r = NULL;
    switch (s[i]) { case '<': r = "&lt;"; break; case '>': r = "&gt;"; break; case '&': r = "&amp;"; break; case '"': r = "&quot;"; break; }
    if (r) { bput(b, s + st, i - st); bput(b, r, strlen(r)); st = i + 1; }
  }
  bput(b, s + st, n - st);
}
static char *readfile(const char *p, size_t *n) {
  FILE *f = fopen(p, "rb"); if (!f) { perror(p); exit(1); }
  fseek(f, 0, SEEK_END); *n = ftell(f); fseek(f, 0, SEEK_SET);
  char *s = malloc(*n + 1); if (fread(s, 1, *n, f) != *n) exit(1); s[*n] = 0; fclose(f); return s;
}

/* capture name -> small stable class set (NULL = no span) */
static const char *classify(const char *name) {
  if (name[0] == '_') return NULL;
  if (!strncmp(name, "string.special.key", 18) || !strncmp(name, "variable.member", 15)) return "property";
  if (!strncmp(name, "string.special.symbol", 21)) return "constant";
  static const char *map[][2] = {
    {"keyword", "keyword"}, {"conditional", "keyword"}, {"repeat", "keyword"}, {"include", "keyword"},
    {"exception", "keyword"}, {"storageclass", "keyword"}, {"boolean", "constant"}, {"constant", "constant"},
    {"type", "type"}, {"constructor", "type"}, {"function", "function"}, {"method", "function"},
    {"string", "string"}, {"escape", "string"}, {"character", "string"}, {"number", "number"}, {"float", "number"},
    {"comment", "comment"}, {"operator", "operator"}, {"punctuation", "punctuation"},
    {"variable", "variable"}, {"parameter", "variable"}, {"property", "property"}, {"field", "property"},
    {"attribute", "property"}, {"label", "property"}, {"tag", "type"}, {"module", "type"}, {"namespace", "type"},
    {"embedded", NULL}, {"spell", NULL}, {"none", NULL}, {"local", NULL}, {"injection", NULL},
  };
  size_t l = strcspn(name, ".");
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strlen(map[i][0]) == l && !strncmp(map[i][0], name, l)) return map[i][1];
  return "other";
}

/* regex translation Rust -> POSIX ERE for the few escapes used in highlights.scm */
static char *ere(const char *r) {
  Buf b = {0};
  for (const char *p = r; *p; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      switch (*p) {
        case 'd': bput(&b, "[0-9]", 5); break;
        case 'w': bput(&b, "[A-Za-z0-9_]", 12); break;
        case 's': bput(&b, "[[:space:]]", 11); break;
        default: { char t[3] = {'\\', *p, 0}; bput(&b, t, 2); }
      }
    } else if (*p == '%' && p[1] && strchr("dswa", p[1])) { /* Lua-pattern classes used by nvim-style queries */
      p++; const char *r = *p == 'd' ? "[0-9]" : *p == 's' ? "[[:space:]]" : *p == 'w' ? "[A-Za-z0-9]" : "[A-Za-z]";
      bput(&b, r, strlen(r));
    } else bput(&b, p, 1);
  }
  return b.s ? b.s : strdup("");
}

typedef struct { int kind; /*1 eq 2 match 3 any-of*/ int neg; uint32_t cap; int rhs_is_cap; uint32_t rhs; regex_t re; const char **vals; int nvals; } Pred;
typedef struct { Pred *p; int n; } PatPreds;
static int first_err(TSNode n, uint32_t *at) { /* byte offset of the first ERROR or MISSING node */
  if (!strcmp(ts_node_type(n), "ERROR") || ts_node_is_missing(n)) { *at = ts_node_start_byte(n); return 1; }
  if (!ts_node_has_error(n)) return 0;
  for (uint32_t i = 0; i < ts_node_child_count(n); i++) if (first_err(ts_node_child(n, i), at)) return 1;
  return 0;
}
typedef struct { uint32_t s, e, pat; const char *c; } Cap;
static int first_wins;
static int capcmp(const void *a, const void *b) {
  const Cap *x = a, *y = b;
  if (x->s != y->s) return x->s < y->s ? -1 : 1;
  if (x->e != y->e) return x->e > y->e ? -1 : 1;
  if (x->pat != y->pat) return first_wins ? (x->pat < y->pat ? -1 : 1) : (x->pat > y->pat ? -1 : 1);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 6) { fprintf(stderr, "usage\n"); return 2; }
  char sym[128]; snprintf(sym, sizeof sym, "tree_sitter_%s", argv[1]);
  const TSLanguage *(*langfn)(void) = (const TSLanguage *(*)(void))dlsym(RTLD_DEFAULT, sym);
  if (!langfn) { fprintf(stderr, "no symbol %s\n", sym); return 2; }
  const TSLanguage *lang = langfn();
  int repeat = atoi(argv[3]); first_wins = getenv("FIRST_WINS") && *getenv("FIRST_WINS");
  Cap *cv = NULL; size_t ncv = 0, ccap = 0;
  size_t qn; char *qs = readfile(argv[2], &qn);
  uint32_t eoff; TSQueryError et;
  double t0 = now();
  TSQuery *q = ts_query_new(lang, qs, qn, &eoff, &et);
  double tq = now() - t0;
  printf("lang=%s abi=%u query=%s\n", argv[1], ts_language_version(lang), argv[2]);
  if (!q) {
    int line = 1; for (uint32_t i = 0; i < eoff; i++) if (qs[i] == '\n') line++;
    printf("QUERY_ERROR type=%d offset=%u line=%d near: %.60s\n", et, eoff, line, qs + eoff);
    return 3;
  }
  uint32_t npat = ts_query_pattern_count(q), ncap = ts_query_capture_count(q);
  const char **cls = calloc(ncap, sizeof *cls);
  for (uint32_t i = 0; i < ncap; i++) { uint32_t l; cls[i] = classify(ts_query_capture_name_for_id(q, i, &l)); }
  PatPreds *pp = calloc(npat, sizeof *pp);
  int unknown_preds = 0;
  for (uint32_t pi = 0; pi < npat; pi++) {
    uint32_t ns; const TSQueryPredicateStep *st = ts_query_predicates_for_pattern(q, pi, &ns);
    for (uint32_t i = 0; i < ns;) {
      uint32_t j = i; while (st[j].type != TSQueryPredicateStepTypeDone) j++;
      uint32_t l; const char *op = ts_query_string_value_for_id(q, st[i].value_id, &l);
      Pred P = {0};
      if (!strcmp(op, "eq?") || !strcmp(op, "not-eq?")) { P.kind = 1; P.neg = op[0] == 'n'; }
      else if (!strcmp(op, "match?") || !strcmp(op, "not-match?")) { P.kind = 2; P.neg = op[0] == 'n'; }
      else if (!strcmp(op, "any-of?") || !strcmp(op, "not-any-of?")) { P.kind = 3; P.neg = op[0] == 'n'; }
      else { unknown_preds++; if (unknown_preds < 4) printf("  (ignored predicate #%s in pattern %u)\n", op, pi); }
      if (P.kind && j - i >= 3 && st[i + 1].type == TSQueryPredicateStepTypeCapture) {
        P.cap = st[i + 1].value_id;
        if (P.kind == 1) { P.rhs_is_cap = st[i + 2].type == TSQueryPredicateStepTypeCapture; P.rhs = st[i + 2].value_id; }
        if (P.kind == 2) { char *e = ere(ts_query_string_value_for_id(q, st[i + 2].value_id, &l));
          if (regcomp(&P.re, e, REG_EXTENDED | REG_NOSUB)) { printf("  regex fail: %s\n", e); P.kind = 0; } free(e); }
        if (P.kind == 3) { P.nvals = j - i - 2; P.vals = calloc(P.nvals, sizeof(char *));
          for (int k = 0; k < P.nvals; k++) P.vals[k] = ts_query_string_value_for_id(q, st[i + 2 + k].value_id, &l); }
        if (P.kind) { pp[pi].p = realloc(pp[pi].p, (pp[pi].n + 1) * sizeof(Pred)); pp[pi].p[pp[pi].n++] = P; }
      }
      i = j + 1;
    }
  }
  if (unknown_preds) printf("  ignored predicates: %d\n", unknown_preds);

  int nf = argc - 5; char **src = malloc(nf * sizeof *src); size_t *len = malloc(nf * sizeof *len); size_t total = 0;
  for (int i = 0; i < nf; i++) { src[i] = readfile(argv[5 + i], &len[i]); total += len[i]; }
  TSParser *parser = ts_parser_new(); ts_parser_set_language(parser, lang);
  TSQueryCursor *cur = ts_query_cursor_new();
  Buf out = {0}; size_t errs = 0, spans = 0; double tparse = 0, thl = 0; int mismatch = 0;
  char tmp[4096];
  for (int r = 0; r < repeat; r++) {
    out.n = 0;
    for (int fi = 0; fi < nf; fi++) {
      const char *s = src[fi]; size_t n = len[fi];
      double a = now();
      TSTree *tree = ts_parser_parse_string(parser, NULL, s, n);
      double b = now(); tparse += b - a;
      TSNode root = ts_tree_root_node(tree);
      if (r == 0 && ts_node_has_error(root)) { errs++;
        uint32_t at; if (getenv("SHOW_ERR") && first_err(root, &at)) { uint32_t b0 = at; while (b0 && s[b0 - 1] != '\n') b0--;
          uint32_t e0 = at; while (e0 < n && s[e0] != '\n') e0++; printf("  ERR %s: %.*s\n", argv[5 + fi], (int)(e0 - b0), s + b0); } }
      size_t ostart = out.n;
      bput(&out, "<pre><code>", 11);
      ts_query_cursor_exec(cur, q, root);
      TSQueryMatch m; uint32_t ci;
      uint32_t pos = 0; uint32_t stk[64]; int sp = 0; uint32_t last_s = ~0u, last_e = ~0u;
      while (ts_query_cursor_next_capture(cur, &m, &ci)) {
        /* predicates */
        int ok = 1; PatPreds *P = &pp[m.pattern_index];
        for (int k = 0; k < P->n && ok; k++) {
          Pred *pr = &P->p[k]; TSNode nd = {0}; int found = 0;
          for (uint16_t c = 0; c < m.capture_count; c++) if (m.captures[c].index == pr->cap) { nd = m.captures[c].node; found = 1; break; }
          if (!found) continue;
          uint32_t ns = ts_node_start_byte(nd), ne = ts_node_end_byte(nd); size_t tl = ne - ns < sizeof tmp - 1 ? ne - ns : sizeof tmp - 1;
          memcpy(tmp, s + ns, tl); tmp[tl] = 0;
          int res = 0;
          if (pr->kind == 1) {
            if (pr->rhs_is_cap) { for (uint16_t c = 0; c < m.capture_count; c++) if (m.captures[c].index == pr->rhs) {
                TSNode o = m.captures[c].node; uint32_t os = ts_node_start_byte(o), oe = ts_node_end_byte(o);
                res = (oe - os == ne - ns) && !memcmp(s + os, s + ns, ne - ns); } }
            else { uint32_t l; const char *v = ts_query_string_value_for_id(q, pr->rhs, &l); res = !strcmp(v, tmp); }
          } else if (pr->kind == 2) res = regexec(&pr->re, tmp, 0, NULL, 0) == 0;
          else for (int v = 0; v < pr->nvals; v++) if (!strcmp(pr->vals[v], tmp)) { res = 1; break; }
          if (pr->neg) res = !res;
          ok = res;
        }
        if (!ok) { ts_query_cursor_remove_match(cur, m.id); continue; }
        TSNode nd = m.captures[ci].node; const char *c = cls[m.captures[ci].index];
        uint32_t cs = ts_node_start_byte(nd), ce = ts_node_end_byte(nd);
        if (!c || cs == ce) continue;
        if (ncv == ccap) { ccap = ccap ? ccap * 2 : 256; cv = realloc(cv, ccap * sizeof *cv); }
        cv[ncv++] = (Cap){cs, ce, m.pattern_index, c};
      }
      /* order: start asc, end desc, pattern (last-wins: desc; FIRST_WINS=1: asc); keep one capture per range */
      qsort(cv, ncv, sizeof *cv, capcmp);
      for (size_t k = 0; k < ncv; k++) {
        uint32_t cs = cv[k].s, ce = cv[k].e; const char *c = cv[k].c;
        if (cs == last_s && ce == last_e) continue;
        while (sp && stk[sp - 1] <= cs) { besc(&out, s + pos, stk[sp - 1] - pos); pos = stk[--sp]; bput(&out, "</span>", 7); }
        if (cs < pos || (sp && ce > stk[sp - 1]) || sp == 64) continue; /* overlapping, not nested */
        besc(&out, s + pos, cs - pos); pos = cs;
        bput(&out, "<span class=\"hl-", 16); bput(&out, c, strlen(c)); bput(&out, "\">", 2);
        stk[sp++] = ce; last_s = cs; last_e = ce; spans++;
      }
      ncv = 0;
      while (sp) { besc(&out, s + pos, stk[sp - 1] - pos); pos = stk[--sp]; bput(&out, "</span>", 7); }
      besc(&out, s + pos, n - pos);
      bput(&out, "</code></pre>\n", 14);
      thl += now() - b;
      ts_tree_delete(tree);
      if (r == 0) { /* text-content check: strip tags, unescape */
        Buf t = {0}; const char *o = out.s + ostart + 11; const char *oe = out.s + out.n - 14;
        while (o < oe) { if (*o == '<') { while (*o != '>') o++; o++; }
          else if (*o == '&') { const char *e = strchr(o, ';'); char ch = o[1] == 'l' ? '<' : o[1] == 'g' ? '>' : o[2] == 'm' ? '&' : '"'; bput(&t, &ch, 1); o = e + 1; }
          else { bput(&t, o, 1); o++; } }
        if (t.n != n || memcmp(t.s, s, n)) mismatch++;
        free(t.s);
      }
    }
  }
  FILE *f = fopen(argv[4], "w"); fwrite(out.s, 1, out.n, f); fclose(f);
  double tt = tparse + thl;
  printf("files=%d bytes=%zu repeat=%d query_compile_ms=%.2f parse_s=%.4f query+emit_s=%.4f MB/s=%.2f spans/pass=%zu files_with_ERROR=%zu text_mismatch=%d\n",
         nf, total, repeat, tq * 1e3, tparse, thl, total * (double)repeat / tt / 1e6, spans / repeat, errs, mismatch);
  return 0;
}
