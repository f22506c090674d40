#!/usr/bin/env bash
# Starts an Xvfb of the given size showing known content (50 lines of text on white, a
# photo-like plasma fractal with a fixed seed), for the benchmarks. Prints "DISPLAY PIDS" on
# stdout; kill the pids to stop it.
#   desktop.sh :90 1920x1080 <workdir>
set -euo pipefail
display="$1"
size="$2"
work="$3"
width="${size%x*}"
height="${size#*x}"
mkdir -p "$work"
scale=$(( width / 1920 ))
[ "$scale" -ge 1 ] || scale=1

if [ ! -f "$work/desk-$size.png" ]; then
  text=""
  for i in $(seq 1 50); do
    text+="Line $i: the quick brown fox jumps over the lazy dog 0123456789 ABCDEFG — opendesk benchmark"$'\n'
  done
  convert -seed 4242 -size $((900 * scale))x$((700 * scale)) plasma:fractal "$work/photo-$size.png"
  convert -size "${width}x${height}" xc:white -font DejaVu-Sans -pointsize $((16 * scale)) -fill black \
    -annotate +$((20 * scale))+$((30 * scale)) "$text" \
    "$work/photo-$size.png" -geometry +$((980 * scale))+$((300 * scale)) -composite "$work/desk-$size.png"
fi

Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 1 50); do
  DISPLAY="$display" xdpyinfo >/dev/null 2>&1 && break
  sleep 0.1
done
DISPLAY="$display" display -geometry +0+0 -borderwidth 0 "$work/desk-$size.png" >/dev/null 2>&1 &
viewer=$!
for _ in $(seq 1 50); do
  DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -q "${width}x${height}+0+0" && break
  sleep 0.1
done
sleep 0.5
echo "$display $xvfb $viewer"
