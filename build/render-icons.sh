#!/usr/bin/env bash
# Renders build/icon.svg to build/icons/NxN.png (the names electron-builder reads) with headless Chromium; nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")"

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[[ -n $chromium ]] || {
  echo "render-icons: Chromium is needed (apt-get install chromium, or set CHROMIUM=PATH)" >&2
  exit 1
}
page_dir=$(mktemp -d)
trap 'rm -rf "$page_dir"' EXIT
# The SVG fills a transparent page exactly the size of the window, so each size is drawn from the vector, not scaled.
cat >"$page_dir/icon.html" <<HTML
<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:100vw;height:100vh}</style>
<img src="file://$PWD/icon.svg">
HTML
mkdir -p icons
for size in 16 24 32 48 64 128 256 512; do
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-sync \
    --disable-background-networking --disable-component-update --disable-quic --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$PWD/icons/${size}x${size}.png" "file://$page_dir/icon.html" >/dev/null 2>&1
  echo "render-icons: icons/${size}x${size}.png"
done
