#!/usr/bin/env bash
# Install the built app (dist/jimo-inspector) for the current user, with its menu entry, icons,
# AppStream metadata and file types, so .jimo-session, .har and .ndjson files open with it.
# Usage: packaging/install-desktop.sh [APP_DIR] (default dist/jimo-inspector)
# Honours XDG_DATA_HOME (default ~/.local/share) and BIN_DIR (default ~/.local/bin).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
app="${1:-$root/dist/jimo-inspector}"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="${BIN_DIR:-$HOME/.local/bin}"
[ -x "$app/jimo-inspector" ] || { echo "no built app in $app (run: make package)"; exit 2; }

mkdir -p "$data/jimo-inspector" "$bin" "$data/applications" "$data/metainfo" "$data/mime/packages"
rm -rf "$data/jimo-inspector/app"
cp -a "$app" "$data/jimo-inspector/app"
ln -sf "$data/jimo-inspector/app/jimo-inspector" "$bin/jimo-inspector"
install -m 644 "$here/jimo-inspector.desktop" "$data/applications/"
install -m 644 "$here/io.jimo.Inspector.metainfo.xml" "$data/metainfo/"
install -m 644 "$here/io.jimo.Inspector.mime.xml" "$data/mime/packages/"
for png in "$here"/icons/hicolor/*/apps/jimo-inspector.png; do
  size="$(basename "$(dirname "$(dirname "$png")")")"
  install -D -m 644 "$png" "$data/icons/hicolor/$size/apps/jimo-inspector.png"
done
install -D -m 644 "$root/resources/icons/jimo-inspector.svg" \
  "$data/icons/hicolor/scalable/apps/jimo-inspector.svg"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" >/dev/null
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications"
command -v gtk-update-icon-cache >/dev/null && \
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" 2>/dev/null || true
echo "installed: $bin/jimo-inspector, menu entry and file types under $data"
