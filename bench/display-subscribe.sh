#!/usr/bin/env bash
# display.subscribe at 1080p, end to end: a private Xvfb showing a desktop-like picture (text on
# white, a 900x700 plasma "photo"), optionally with content that changes every frame (an xterm
# scrolling a line every 30 ms over part of it), and DisplaySubscribeBench taking frames from a
# Java host over an encrypted loopback WebSocket (or plain / in-process).
#
#   bench/display-subscribe.sh [--display :82] [--changing] [--mode encrypted|plain|direct]
#                              [--seconds 12] [--warmup 3] [--fps 30]
#
# Needs Xvfb, ImageMagick (convert, display) and, for --changing, xterm; the bench jars
# (./mvnw -B -o -pl bench -am package -DskipTests), or another build's in BENCH_CLASSPATH. Prints the bench's lines: one per second and
# "RESULT mode=... fps=... age_first_ms=... age_last_ms=... cpu_ms_per_frame=...".
# Everything it starts (Xvfb, display, xterm) is stopped on exit, by process id.
set -euo pipefail
cd "$(dirname "$0")/.."

display=:82
changing=false
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --display) display=$2; shift 2 ;;
    --changing) changing=true; shift ;;
    --mode|--seconds|--warmup|--fps) args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if ! xdpyinfo -display "$display" >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
fi

convert -seed 1 -size 900x700 plasma:fractal "$work/photo.png"
convert -size 1920x1080 xc:white -fill black -pointsize 20 \
  -annotate +40+60 "opendesk display.subscribe benchmark: text, a photo-like region and flat areas" \
  -annotate +40+100 "The quick brown fox jumps over the lazy dog 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ" \
  -annotate +40+140 "File  Edit  View  Search  Terminal  Help      ~/projects/opendesk  main  +3 -1" \
  "$work/photo.png" -geometry +960+200 -composite -depth 8 "$work/desk.png"
DISPLAY=$display display -geometry +0+0 -borderwidth 0 "$work/desk.png" >/dev/null 2>&1 &
pids+=($!)
sleep 2

if $changing; then
  DISPLAY=$display xterm -geometry 120x40+960+300 -e sh -c \
    'i=0; while :; do i=$((i+1)); printf "line %d the quick brown fox jumps over the lazy dog 0123456789\n" $i; sleep 0.03; done' \
    >/dev/null 2>&1 &
  pids+=($!)
  sleep 2
fi

java -cp "${BENCH_CLASSPATH:-bench/target/opendesk-bench.jar:bench/target/lib/*}" dev.opendesk.bench.DisplaySubscribeBench \
  --display "$display" "${args[@]}" 2>"$work/bench.err" || { cat "$work/bench.err" >&2; exit 1; }
