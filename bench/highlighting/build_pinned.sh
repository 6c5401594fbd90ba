#!/bin/bash
# Rebuild all pinned ABI-14 grammars from the extracted sdists (sequential, -O2), logging compile time and size.
cd /tmp/hl-eval
X=dl/x
./build_ts.sh sql        $X/tree-sitter-sql-0.3.7/src
./build_ts.sh javascript $X/tree-sitter-javascript-0.23.1/src
./build_ts.sh typescript $X/tslp-0.4.0/parsers/typescript/src     # == tree-sitter-typescript 0.23.2 parser.c + common/scanner.h
./build_ts.sh python     $X/tree-sitter-python-0.23.6/src
./build_ts.sh go         $X/tree-sitter-go-0.23.4/src
./build_ts.sh java       $X/tree-sitter-java-0.23.5/src
./build_ts.sh bash       $X/tree-sitter-bash-0.23.3/src
./build_ts.sh json       $X/tree-sitter-json-0.24.8/src
./build_ts.sh yaml       build-yaml-src                           # tree-sitter-yaml 0.7.1 + Sources/CHighlightGrammars/stubs/schema.core.c
./build_ts.sh dockerfile $X/tslp-0.4.0/parsers/dockerfile/src
