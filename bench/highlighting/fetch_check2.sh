#!/bin/bash
# usage: fetch_check2.sh pkg==ver ... -> per parser.c: ABI, external scanner needed?, scanner present?, headers, queries
cd /tmp/hl-eval/dl
for spec in "$@"; do
  pkg=${spec%%==*}; ver=${spec##*==}; d=$pkg-$ver
  if [ ! -d x/$d ]; then
    pip download "$spec" --no-binary :all: --no-deps -d sd -q >/dev/null 2>&1 || { echo "$spec: DOWNLOAD FAIL"; continue; }
    f=$(ls sd/ | grep -iE "^${pkg//-/[-_]}-${ver}\.(tar\.gz|zip)$" | head -1)
    [ -z "$f" ] && { echo "$spec: no sdist file"; continue; }
    mkdir -p x/$d; tar xzf sd/$f -C x/$d --strip-components=1 2>/dev/null || unzip -q sd/$f -d x/$d
  fi
  pcs=$(find x/$d -name parser.c -path '*src*')
  [ -z "$pcs" ] && echo "$spec: NO parser.c"
  for p in $pcs; do
    sd_=$(dirname $p)
    lv=$(grep -m1 '#define LANGUAGE_VERSION' $p | awk '{print $3}')
    ext=$(grep -q 'external_scanner' $p && echo yes || echo no)
    sc=$(ls $sd_/scanner.c* 2>/dev/null | xargs -rn1 basename | tr '\n' ' ')
    hd=$(ls $sd_/tree_sitter 2>/dev/null | tr '\n' ' ')
    echo "$spec: ${p#x/} ABI=$lv needs_scanner=$ext scanner=[$sc] hdrs=[$hd]"
  done
  echo "   queries: $(find x/$d -name '*.scm' | sed "s|x/$d/||" | tr '\n' ' ')"
done
