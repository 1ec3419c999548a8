#!/usr/bin/env bash
# Installs the Debian packages the tests use, only when they are missing:
#   LibreOffice Calc (headless) - opens, recalculates and renders the workbooks we write;
#   poppler-utils (pdftoppm)   - turns LibreOffice's PDF into PNG pages;
#   Chromium                   - the task pane's browser test (playwright-core drives it; it never
#                                downloads a browser).
# Needs apt-get (Debian/Ubuntu) and root or sudo. Safe to run again.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  echo "test:deps: soffice, pdftoppm and chromium are installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test:deps: missing ${need[*]} and no apt-get here; install them with your package manager" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "test:deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
