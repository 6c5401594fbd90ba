/* Stub for tree-sitter-yaml's generated src/schema.core.c, which the PyPI sdists (0.7.0-0.7.2) omit.
 * Tiny DFA: plain scalars matching [-+]?[0-9]+ are ints, [-+]?[0-9]*\.[0-9]+ floats, true/false bools,
 * null/~ nulls; everything else is a string. (The real file implements the full YAML 1.2 core schema.) */
#include <stdint.h>
typedef enum { RS_STR, RS_INT, RS_NULL, RS_BOOL, RS_FLOAT, RS_TIMESTAMP } ResultSchema;
#define SCH_STT_FRZ -1
static const char *const KW[] = {"true", "false", "null", "~"};
static const ResultSchema KWR[] = {RS_BOOL, RS_BOOL, RS_NULL, RS_NULL};
/* state: 0 start; 1 sign; 2 int digits; 3 after '.'; 4 frac digits; 16+k*8+i: i chars of keyword k matched */
static int8_t adv_sch_stt(int8_t st, int32_t c, ResultSchema *r) {
  if (st == SCH_STT_FRZ) { *r = RS_STR; return SCH_STT_FRZ; }
  /* trailing blanks keep the result (the scanner feeds them before a comment or line end); 64 = "in blanks" */
  if (c == ' ' || c == '\t') return st | 64;
  if (st & 64) { *r = RS_STR; return SCH_STT_FRZ; }
  if (st == 0) {
    if (c == '-' || c == '+') { *r = RS_STR; return 1; }
    for (int k = 0; k < 4; k++) if (c == KW[k][0]) { *r = KW[k][1] ? RS_STR : KWR[k]; return 16 + k * 8 + 1; }
  }
  if (st <= 2 && c >= '0' && c <= '9') { *r = RS_INT; return 2; }
  if (st <= 2 && c == '.') { *r = RS_STR; return 3; }
  if ((st == 3 || st == 4) && c >= '0' && c <= '9') { *r = RS_FLOAT; return 4; }
  if (st >= 16) { int k = (st - 16) / 8, i = (st - 16) % 8;
    if (KW[k][i] && c == KW[k][i]) { *r = KW[k][i + 1] ? RS_STR : KWR[k]; return st + 1; } }
  *r = RS_STR; return SCH_STT_FRZ;
}
