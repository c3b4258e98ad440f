#!/usr/bin/env bash
# Set-up on a fresh Debian/Ubuntu machine: installs what is missing (a Chromium and
# fonts from apt, the Node packages from the lockfile), builds, and renders the demo
# lägesbild from fixtures/ to demo/lagesbild-demo.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() {
  [ -n "${LAGESBILD_CHROMIUM:-}" ] && [ -x "$LAGESBILD_CHROMIUM" ] && return 0
  for p in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
    [ -x "$p" ] && return 0
  done
  return 1
}

packages=()
have_chromium || packages+=(chromium)
# The running header and footer use Liberation Sans; the report itself embeds its own typeface.
fc-list 2>/dev/null | grep -q 'LiberationSans' || packages+=(fonts-liberation)
# pdftoppm turns the test reports' pages into PNG images for a person to look at.
command -v pdftoppm >/dev/null || packages+=(poppler-utils)

if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${packages[*]} with apt-get…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}"
fi

npm ci --no-audit --no-fund
npm run --silent demo
echo "Demo lägesbild: demo/lagesbild-demo.pdf"
