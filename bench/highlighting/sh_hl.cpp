// sh_hl.cpp - GNU source-highlight driver for the evaluation (not production code).
// usage: sh_hl LANGFILE REPEAT OUT.html FILE...     (LANGFILE e.g. python.lang, from /usr/share/source-highlight)
// Uses the low-level API (SourceHighlighter + FormatterManager) with one Formatter per element name that
// writes <span class="hl-CLASS">escaped</span> into a buffer - what a C shim would do. Prints timings and
// checks that the HTML text content equals the input.
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatter.h>
#include <srchilite/formatterparams.h>
#include <srchilite/highlightstate.h>
#include <srchilite/settings.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

static std::string *OUT;
static std::map<std::string, long> unmapped;

static void esc(std::string &o, const std::string &s) {
  for (char c : s) switch (c) {
      case '<': o += "&lt;"; break; case '>': o += "&gt;"; break; case '&': o += "&amp;"; break;
      case '"': o += "&quot;"; break; default: o += c;
    }
}

struct SpanFormatter : public srchilite::Formatter {
  std::string cls, elem;
  SpanFormatter(const std::string &c, const std::string &e) : cls(c), elem(e) {}
  void format(const std::string &s, const srchilite::FormatterParams *) override {
    if (s.empty()) return;
    if (cls.empty()) { if (elem != "normal") unmapped[elem] += s.size(); esc(*OUT, s); return; }
    *OUT += "<span class=\"hl-"; *OUT += cls; *OUT += "\">"; esc(*OUT, s); *OUT += "</span>";
  }
};

// source-highlight element names -> small stable class set
static const char *MAP[][2] = {
  {"keyword", "keyword"}, {"type", "type"}, {"usertype", "type"}, {"classname", "type"},
  {"function", "function"}, {"predef_func", "function"}, {"string", "string"}, {"regexp", "string"},
  {"specialchar", "string"}, {"number", "number"}, {"comment", "comment"}, {"todo", "comment"},
  {"symbol", "operator"}, {"cbracket", "punctuation"}, {"variable", "variable"}, {"predef_var", "variable"},
  {"property", "property"}, {"attribute", "property"}, {"label", "property"}, {"preproc", "keyword"},
  {"url", "string"}, {"value", "constant"}, {"atom", "constant"},
  {"key", "property"}, {"keyquote", "property"}, {"valquote", "string"}, {"colon", "punctuation"},
};

int main(int argc, char **argv) {
  if (argc < 5) { std::cerr << "usage\n"; return 2; }
  std::string langfile = argv[1]; int repeat = atoi(argv[2]);
  std::vector<std::string> src; size_t total = 0;
  for (int i = 4; i < argc; i++) { std::ifstream f(argv[i]); std::stringstream ss; ss << f.rdbuf(); src.push_back(ss.str()); total += src.back().size(); }
  std::string out; OUT = &out;
  auto t0 = std::chrono::steady_clock::now();
  srchilite::RegexRuleFactory ruleFactory;
  srchilite::LangDefManager langDefManager(&ruleFactory);
  srchilite::HighlightStatePtr state;
  try { state = langDefManager.getHighlightState("/usr/share/source-highlight", langfile); }
  catch (std::exception &e) { std::cout << "LANG_ERROR " << e.what() << "\n"; return 3; }
  srchilite::FormatterPtr plain(new SpanFormatter("", "?"));
  srchilite::FormatterManager fm(plain);
  // element names: register the mapped ones; anything else falls to the default (plain) formatter
  for (auto &m : MAP) fm.addFormatter(m[0], srchilite::FormatterPtr(new SpanFormatter(m[1], m[0])));
  fm.addFormatter("normal", srchilite::FormatterPtr(new SpanFormatter("", "normal")));
  double tload = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  srchilite::FormatterParams params;
  double th = 0; int mismatch = 0;
  for (int r = 0; r < repeat; r++) {
    out.clear();
    for (auto &s : src) {
      auto a = std::chrono::steady_clock::now();
      size_t ostart = out.size();
      out += "<pre><code>";
      srchilite::SourceHighlighter hl(state);  // fresh state per block
      hl.setFormatterManager(&fm); hl.setFormatterParams(&params);
      size_t p = 0;
      while (p < s.size()) {
        size_t e = s.find('\n', p); if (e == std::string::npos) e = s.size();
        std::string line = s.substr(p, e - p);
        params.start = 0;
        hl.highlightParagraph(line);
        if (e < s.size()) out += "\n";
        p = e + 1;
      }
      out += "</code></pre>\n";
      th += std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
      if (r == 0) {
        std::string t; const char *o = out.c_str() + ostart + 11, *oe = out.c_str() + out.size() - 14;
        while (o < oe) { if (*o == '<') { while (*o != '>') o++; o++; }
          else if (*o == '&') { const char *e = strchr(o, ';'); t += o[1] == 'l' ? '<' : o[1] == 'g' ? '>' : o[2] == 'm' ? '&' : '"'; o = e + 1; }
          else t += *o++; }
        if (t != s) mismatch++;
      }
    }
  }
  std::ofstream(argv[3]) << out;
  printf("lang=%s files=%zu bytes=%zu repeat=%d load_ms=%.2f highlight_s=%.4f MB/s=%.2f text_mismatch=%d\n",
         langfile.c_str(), src.size(), total, repeat, tload * 1e3, th, total * (double)repeat / th / 1e6, mismatch);
  if (!unmapped.empty()) { printf("  unmapped elements:"); for (auto &u : unmapped) printf(" %s(%ld)", u.first.c_str(), u.second); printf("\n"); }
  return 0;
}
