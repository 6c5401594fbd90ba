#!/bin/bash
# Builds the pinned ABI-14 grammars (sequential, niced) and one driver binary per language.
cd /tmp/hl-eval
X=dl/x
declare -A SRC=( [sql]=$X/tree-sitter-sql-0.3.7/src [javascript]=$X/tree-sitter-javascript-0.23.1/src
 [typescript]=$X/tree-sitter-typescript-0.23.2/typescript/src [python]=$X/tree-sitter-python-0.23.6/src
 [go]=$X/tree-sitter-go-0.23.4/src [java]=$X/tree-sitter-java-0.23.5/src [bash]=$X/tree-sitter-bash-0.23.3/src
 [json]=$X/tree-sitter-json-0.24.8/src [yaml]=$X/tree-sitter-yaml-0.7.1/src )
for l in ${LANGS:-sql javascript typescript python go java bash json yaml}; do
  ./build_ts.sh $l ${SRC[$l]} || { echo "$l BUILD FAILED"; continue; }
  gcc -O2 -o bin/ts_hl_$l ts_hl.c -Wl,--whole-archive build/$l/libts-$l.a -Wl,--no-whole-archive -ltree-sitter -rdynamic -ldl
done
