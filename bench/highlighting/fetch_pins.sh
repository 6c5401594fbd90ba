#!/bin/bash
# Fetch every pinned source and query file from PyPI into $1 (default /tmp/hl-eval/fresh), sequentially.
# sdists: generated parser.c/scanner.c (ABI 14). wheels: only their queries/highlights.scm is used (text),
# because the 0.23.x/0.24.x sdists do not ship queries/.
D=${1:-/tmp/hl-eval/fresh}; mkdir -p $D/sd $D/wh
SDISTS="tree-sitter-sql==0.3.7 tree-sitter-javascript==0.23.1 tree-sitter-python==0.23.6 tree-sitter-go==0.23.4
 tree-sitter-java==0.23.5 tree-sitter-bash==0.23.3 tree-sitter-json==0.24.8 tree-sitter-yaml==0.7.1"
WHEELS="tree-sitter-sql==0.3.7 tree-sitter-javascript==0.23.1 tree-sitter-typescript==0.23.2 tree-sitter-python==0.23.6
 tree-sitter-go==0.23.4 tree-sitter-java==0.23.5 tree-sitter-bash==0.23.3 tree-sitter-json==0.24.8 tree-sitter-containerfile==0.9.2"
for s in $SDISTS; do pip download --no-cache-dir "$s" --no-binary :all: --no-deps -d $D/sd -q || echo "FAIL $s"; done
# typescript (parser.c + scanner.c + ../common/scanner.h) and dockerfile: only complete in this 54 MB sdist
pip download --no-cache-dir tree-sitter-language-pack==0.4.0 --no-binary tree-sitter-language-pack --no-deps -d $D/sd -q || echo "FAIL tslp"
for s in $WHEELS; do pip download --no-cache-dir "$s" --only-binary :all: --no-deps -d $D/wh -q || echo "FAIL $s"; done
ls $D/sd $D/wh | wc -l; du -sh $D
