// sh_thr.cpp - thread-safety check for source-highlight: N threads; mode "shared": one HighlightState from one
// LangDefManager used by every thread (own SourceHighlighter/FormatterManager/output each); mode "own": each
// thread loads its own LangDefManager+state concurrently. Output of each thread must equal the single-thread one.
// usage: sh_thr LANGFILE shared|own N R FILE...
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatter.h>
#include <srchilite/formatterparams.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>
#include <cstdio>
struct F : srchilite::Formatter { std::string *o; std::string c; F(std::string *o, std::string c) : o(o), c(c) {}
  void format(const std::string &s, const srchilite::FormatterParams *) override { *o += "<" + c + ">" + s; } };
static std::vector<std::string> src; static std::string langfile; static int R;
static std::string run(srchilite::HighlightStatePtr st) {
  std::string out; srchilite::FormatterManager fm(srchilite::FormatterPtr(new F(&out, "n")));
  for (const char *e : {"keyword", "type", "string", "comment", "number", "symbol", "function", "variable", "cbracket"})
    fm.addFormatter(e, srchilite::FormatterPtr(new F(&out, e)));
  srchilite::FormatterParams p;
  for (int r = 0; r < R; r++) { out.clear(); for (auto &s : src) { srchilite::SourceHighlighter h(st); h.setFormatterManager(&fm); h.setFormatterParams(&p);
    std::istringstream is(s); std::string line; while (std::getline(is, line)) h.highlightParagraph(line); } }
  return out;
}
static srchilite::HighlightStatePtr load() { static srchilite::RegexRuleFactory *f; thread_local srchilite::RegexRuleFactory rf; thread_local srchilite::LangDefManager m(&rf);
  (void)f; return m.getHighlightState("/usr/share/source-highlight", langfile); }
int main(int argc, char **argv) {
  langfile = argv[1]; std::string mode = argv[2]; int N = atoi(argv[3]); R = atoi(argv[4]);
  for (int i = 5; i < argc; i++) { std::ifstream f(argv[i]); std::stringstream ss; ss << f.rdbuf(); src.push_back(ss.str()); }
  auto st = load(); std::string ref = run(st);
  std::vector<std::string> outs(N); std::vector<std::thread> th;
  for (int i = 0; i < N; i++) th.emplace_back([&, i] { outs[i] = run(mode == "shared" ? st : load()); });
  int ok = 1; for (int i = 0; i < N; i++) { th[i].join(); if (outs[i] != ref) ok = 0; }
  printf("%s %s: %d threads x %d passes: %s\n", langfile.c_str(), mode.c_str(), N, R, ok ? "identical results" : "MISMATCH");
}
