#!/bin/bash
# usage: run_bench.sh  -> results.txt ; for each corpus (content, bench) x language x library: throughput + max RSS
cd /tmp/hl-eval
declare -A Q=([sql]=wq/tree_sitter_sql-0.3.7/queries/highlights.scm [javascript]=wq/tree_sitter_javascript-0.23.1/queries/highlights.scm
 [python]=wq/tree_sitter_python-0.23.6/queries/highlights.scm [go]=wq/tree_sitter_go-0.23.4/queries/highlights.scm
 [java]=wq/tree_sitter_java-0.23.5/queries/highlights.scm [bash]=wq/tree_sitter_bash-0.23.3/queries/highlights.scm
 [json]=wq/tree_sitter_json-0.24.8/queries/highlights.scm [typescript]=q/typescript.scm [yaml]=q/yaml.scm
 [dockerfile]=q/dockerfile.pruned.scm [http]=q/http.scm)
declare -A SHL=([sql]=sql.lang [javascript]=javascript.lang [typescript]=javascript.lang [python]=python.lang [go]=go.lang
 [java]=java.lang [bash]=sh.lang [json]=json.lang)
for corpus in content bench; do
  R=20; [ $corpus = bench ] && R=3
  for l in ${LANGS:-sql javascript typescript python go java bash json yaml http dockerfile}; do
    [ -d blocks/$corpus/$l ] || continue
    if [ -x bin/ts_hl_$l ] && [ -f "${Q[$l]}" ]; then
      fw=; [ $l = go ] && fw=1   # the go query is ordered for first-match-wins, the others for last-wins
      r=$(FIRST_WINS=$fw /usr/bin/time -f "maxrss_kb=%M" bin/ts_hl_$l $l ${Q[$l]} $R out/ts-$corpus-$l.html blocks/$corpus/$l/*.txt 2>&1 | grep -E 'files=|maxrss|QUERY_ERROR' | tr '\n' ' ')
      echo "ts  $corpus $l $r"
    else echo "ts  $corpus $l (no grammar)"; fi
    if [ -n "${SHL[$l]}" ]; then
      r=$(/usr/bin/time -f "maxrss_kb=%M" bin/sh_hl ${SHL[$l]} $R out/sh-$corpus-$l.html blocks/$corpus/$l/*.txt 2>&1 | grep -E 'files=|maxrss|unmapped' | tr '\n' ' ')
      echo "sh  $corpus $l $r"
    else echo "sh  $corpus $l (no lang file)"; fi
  done
done
