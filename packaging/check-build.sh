#!/usr/bin/env bash
# Smoke check of a built app folder: it reports its version, runs `inspect` on the bundled demo
# session, and opens its window (offscreen) without dying. Usage: check-build.sh dist/jimo-inspector
set -euo pipefail
app="${1:-dist/jimo-inspector}"
exe="$app/jimo-inspector"
demo="$(find "$app" -path '*/_resources/demo/session.ndjson' | head -n 1)"
[ -x "$exe" ] || { echo "no built app at $exe (run: make package)"; exit 2; }
[ -n "$demo" ] || { echo "the demo session is not in the build"; exit 1; }

"$exe" --version
lines=$("$exe" inspect "$demo" 2>/dev/null | wc -l) || true
[ "$lines" -gt 0 ] || { echo "inspect printed nothing on the demo session"; exit 1; }
"$exe" inspect "$demo" 2>/dev/null | head -n 1 | grep -q '"results"' \
  || { echo "inspect's first line is not a result line"; exit 1; }
echo "inspect: $lines events from the demo session"

log="$(mktemp)"
data="$(mktemp -d)"  # the window is killed below: its autosave must not wait in the user's folder
trap 'rm -rf "$data" "$log"' EXIT
QT_QPA_PLATFORM=offscreen JIMO_INSPECTOR_DATA_DIR="$data" "$exe" >"$log" 2>&1 &
pid=$!
sleep "${WINDOW_SECONDS:-8}"
if ! kill -0 "$pid" 2>/dev/null; then
  echo "the window exited early:"; cat "$log"; exit 1
fi
kill "$pid"; wait "$pid" 2>/dev/null || true
if grep -q "Traceback" "$log"; then echo "the window raised:"; cat "$log"; exit 1; fi
echo "window: running after ${WINDOW_SECONDS:-8} s offscreen"
echo "size: $(du -sh "$app" | cut -f1)"
