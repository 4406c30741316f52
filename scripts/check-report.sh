#!/usr/bin/env bash
# Checks a deepgrad report page in headless chromium: the page renders, the browser console stays silent
# (the page logs nothing, so any console line is an error: a script error, a failed resource), and every
# chart image loaded with a width (the page's inline script sets <body data-charts="ok N"> then).
#   scripts/check-report.sh DIR|PAGE.html [SCREENSHOT.png]
# DIR: a run's or a reproduction's directory (its report.html) or a sweep's (its results.html).
# Exit 0 when all holds; 1 with the reason otherwise; 2 on bad usage. CHROMIUM overrides the browser.
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 DIR|PAGE.html [SCREENSHOT.png]" >&2
  exit 2
fi
if [[ -f "$1" ]]; then
  page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  dir="$(cd "$1" 2>/dev/null && pwd)" || { echo "no such directory or file: $1" >&2; exit 2; }
  page="$dir/report.html"
  [[ -f "$page" || ! -f "$dir/results.html" ]] || page="$dir/results.html"
  [[ -f "$page" ]] || { echo "no report.html or results.html in $1 (build it with: ./deepgrad report $1)" >&2; exit 2; }
fi
browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[[ -n "$browser" ]] || { echo "chromium not found: install it (apt-get install chromium) or set CHROMIUM" >&2; exit 2; }
flags=(--headless --disable-gpu --no-sandbox --enable-logging=stderr --v=0 --virtual-time-budget=10000)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dom="$(timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page" 2>"$log")" || {
  echo "FAIL: chromium could not render $page" >&2; tail -5 "$log" >&2; exit 1; }
marker="$(grep -o 'data-charts="[^"]*"' <<<"$dom" | head -1 || true)"
if grep -q ':CONSOLE' "$log"; then
  echo "FAIL: console messages in $page:" >&2
  grep ':CONSOLE' "$log" >&2
  exit 1
fi
ok='^data-charts="ok ([0-9]+)"$'
if [[ ! "$marker" =~ $ok ]]; then
  echo "FAIL: the charts did not all load (${marker:-no data-charts marker: the inline script did not run})" >&2
  exit 1
fi
charts="${BASH_REMATCH[1]}"
if [[ $# -eq 2 ]]; then
  shot="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  # Tall enough for the whole page: about 560 px per chart (with its caption) plus the text and tables.
  height=$(( 1600 + 560 * charts ))
  timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size="1280,$height" --screenshot="$shot" \
      "file://$page" 2>/dev/null >/dev/null
  [[ -s "$shot" ]] || { echo "FAIL: no screenshot written to $shot" >&2; exit 1; }
fi
echo "ok: $page renders, no console messages, $charts charts loaded"
