#!/bin/bash
# usage: build_ts.sh NAME SRC_DIR [HDR_DIR]  -> build/NAME/libts-NAME.a ; prints compile seconds and sizes
# Compiles parser.c (+scanner.c) with -O2 -fPIC, single job (nice).  HDR_DIR supplies tree_sitter/parser.h
# (+alloc.h, array.h) when the sdist lacks them.
set -e
name=$1; src=$2; hdr=${3:-/tmp/hl-eval/hdr024}
out=/tmp/hl-eval/build/$name; rm -rf $out; mkdir -p $out
inc="-I$src"; [ -d $src/tree_sitter ] || inc="$inc -I$hdr"
objs=
for f in parser.c scanner.c scanner.cc; do
  [ -f $src/$f ] || continue
  cc=gcc; std=-std=c11; [ $f = scanner.cc ] && { cc=g++; std=; }
  s=$(date +%s.%N)
  nice $cc -O2 -fPIC $std $inc -w -c $src/$f -o $out/${f%%.*}.o
  e=$(date +%s.%N)
  printf "%s %s compile_s=%.1f obj_bytes=%d\n" $name $f $(echo "$e - $s" | bc) $(stat -c %s $out/${f%%.*}.o)
  objs="$objs $out/${f%%.*}.o"
done
ar rcs $out/libts-$name.a $objs
printf "%s lib_bytes=%d text_data=%s\n" $name $(stat -c %s $out/libts-$name.a) "$(size -t $objs | tail -1 | awk '{print $1+$2}')"
