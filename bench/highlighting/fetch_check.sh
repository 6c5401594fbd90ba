#!/bin/bash
# usage: fetch_check.sh pkg==ver ...   -> downloads sdist, reports LANGUAGE_VERSION, scanner, highlights.scm
cd /tmp/hl-eval/dl
for spec in "$@"; do
  pkg=${spec%%==*}; ver=${spec##*==}
  d=$pkg-$ver
  if [ ! -d x/$d ]; then
    pip download "$spec" --no-binary :all: --no-deps -d sd -q >/dev/null 2>&1 || { echo "$spec: DOWNLOAD FAIL"; continue; }
    f=$(ls sd/ | grep -iE "^${pkg//-/[-_]}-${ver}\.(tar\.gz|zip)$" | head -1)
    [ -z "$f" ] && { echo "$spec: no sdist file"; continue; }
    mkdir -p x/$d; tar xzf sd/$f -C x/$d --strip-components=1 2>/dev/null || unzip -q sd/$f -d x/$d
  fi
  pcs=$(find x/$d -name parser.c -path '*src*')
  for p in $pcs; do
    lv=$(grep -m1 '#define LANGUAGE_VERSION' $p | awk '{print $3}')
    sc=$(ls $(dirname $p)/scanner.c* 2>/dev/null | xargs -n1 basename 2>/dev/null | tr '\n' ' ')
    echo "$spec: $p ABI=$lv scanner=[$sc]"
  done
  [ -z "$pcs" ] && echo "$spec: NO parser.c"
  echo "   queries: $(find x/$d -name '*.scm' | sed "s|x/$d/||" | tr '\n' ' ')"
done
